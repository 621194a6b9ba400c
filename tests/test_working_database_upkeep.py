"""The working database's checkpoints do not rewrite whole row groups after a refresh; every so many closes vacuum."""

import duckdb

from pipelines.warehouse.database import VACUUM_EVERY_CLOSES, VACUUM_OFF, checkpoint_on_close

ROW_GROUP = 122_880


def row_groups(connection) -> int:
    (count,) = connection.execute("select count(distinct row_group_id) from pragma_storage_info('facts')").fetchone()
    return count


def test_a_checkpoint_after_a_refresh_keeps_the_row_groups_and_every_so_many_closes_merge_them(tmp_path):
    path = str(tmp_path / "working.duckdb")
    with duckdb.connect(path, config=VACUUM_OFF) as connection:
        connection.execute(
            f"create table facts as select range as report, 'quote ' || range as quote from range({3 * ROW_GROUP})"
        )
        connection.execute("checkpoint")
        assert row_groups(connection) == 3
        # a refresh rewrites one report's rows: they are deleted from a full row group and appended in a new one
        connection.execute("delete from facts where report = 7")
        connection.execute("insert into facts values (7, 'quote 7, revised')")
        connection.execute("checkpoint")
        assert row_groups(connection) == 4  # with vacuum on, the three full groups would be rewritten as three
        vacuumed = [checkpoint_on_close(connection) for _ in range(VACUUM_EVERY_CLOSES)]
        assert vacuumed == [False] * (VACUUM_EVERY_CLOSES - 1) + [True]
        assert row_groups(connection) == 3
        assert connection.execute("select count(*), max(quote) filter (where report = 7) from facts").fetchone() == (
            3 * ROW_GROUP,
            "quote 7, revised",
        )
        assert connection.execute("select current_setting('max_vacuum_tasks')").fetchone() == (0,)
