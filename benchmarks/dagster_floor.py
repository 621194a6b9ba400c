"""Dagster's own cost for a run shaped like the warehouse build, with no work in it: the floor under a refresh.

    .venv/bin/python benchmarks/dagster_floor.py --steps 6 --assets 65 --checks 101

Builds a job of ``--steps`` multi-asset steps in a chain, ``--assets`` assets and ``--checks`` asset checks
between them, each step yielding a materialization (with a small preview, as ours do) per asset and a passing
result per check, and runs it in process on an ephemeral instance, as `python -m pipelines build` does. Prints
the seconds of each phase; the time of the whole process is what benchmarks/run.py reports.
"""

import argparse
import time

started = time.perf_counter()
import dagster as dg  # noqa: E402

imported = time.perf_counter()


def chained_steps(steps: int, assets: int, checks: int) -> list:
    keys = [dg.AssetKey(f"asset_{number}") for number in range(assets)]
    per_step = -(-assets // steps)
    groups = [keys[start : start + per_step] for start in range(0, assets, per_step)]
    check_specs = [dg.AssetCheckSpec(f"check_{number}", asset=keys[number % assets]) for number in range(checks)]
    return [
        _step(number, group, groups[number - 1] if number else [], check_specs) for number, group in enumerate(groups)
    ]


def _step(number: int, group: list, upstream: list, check_specs: list):
    checks = [spec for spec in check_specs if spec.asset_key in group]

    @dg.multi_asset(
        name=f"step_{number}",
        specs=[dg.AssetSpec(key, deps=upstream) for key in group],
        check_specs=checks,
    )
    def step():
        for key in group:
            yield dg.MaterializeResult(
                asset_key=key, metadata={"dagster/row_count": 1, "preview": dg.MetadataValue.md("| a |\n|---|\n| 1 |")}
            )
        for spec in checks:
            yield dg.AssetCheckResult(check_name=spec.name, asset_key=spec.asset_key, passed=True)

    return step


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--steps", type=int, default=6)
    parser.add_argument("--assets", type=int, default=65)
    parser.add_argument("--checks", type=int, default=101)
    arguments = parser.parse_args()
    definitions_started = time.perf_counter()
    definitions = dg.Definitions(
        assets=chained_steps(arguments.steps, arguments.assets, arguments.checks),
        jobs=[dg.define_asset_job("everything", selection="*")],
    )
    job = definitions.resolve_job_def("everything")
    instance_started = time.perf_counter()
    with dg.DagsterInstance.ephemeral() as instance:
        run_started = time.perf_counter()
        result = job.execute_in_process(instance=instance, raise_on_error=True)
        finished = time.perf_counter()
    print(
        f"import dagster {imported - started:.2f} s, definitions {instance_started - definitions_started:.2f} s, "
        f"instance {run_started - instance_started:.2f} s, run {finished - run_started:.2f} s, "
        f"success {result.success}"
    )


if __name__ == "__main__":
    main()
