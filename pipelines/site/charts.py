"""Plotly figures (plain figure dictionaries, drawn by the plotly.js the site ships once) from the rows queries.py
reads. Pure functions: rows in, a {"data": [...], "layout": {...}} out, every number exactly as the warehouse holds
it, so that a test can read a chart's data back from the page and compare it with the marts."""

from __future__ import annotations

from collections import defaultdict

BAND_RANGE = "rgba(31, 119, 180, 0.12)"
BAND_IQR = "rgba(31, 119, 180, 0.28)"
LAYOUT = {"margin": {"l": 60, "r": 20, "t": 40, "b": 40}, "hovermode": "closest", "legend": {"orientation": "h"}}


def _layout(title: str, y_title: str = "USD million") -> dict:
    return {**LAYOUT, "title": {"text": title}, "yaxis": {"title": {"text": y_title}}, "xaxis": {"dtick": 1}}


def consensus_band(market_name: str, consensus: list[dict], estimates: list[dict], stated: list[dict]) -> dict:
    """The consensus band (min-max and interquartile range) with its median, and each report's series on it:
    stated values as markers with their quote on hover, interpolated years as solid lines, extrapolated years
    dashed, outliers marked."""
    years = [row["year"] for row in consensus]
    data = [
        {"name": "highest", "x": years, "y": [r["max_usd_m"] for r in consensus], "mode": "lines",
         "line": {"width": 0}, "showlegend": False, "hoverinfo": "skip", "meta": "max"},
        {"name": "range of the sources", "x": years, "y": [r["min_usd_m"] for r in consensus], "mode": "lines",
         "line": {"width": 0}, "fill": "tonexty", "fillcolor": BAND_RANGE, "meta": "min"},
        {"name": "third quartile", "x": years, "y": [r["q3_usd_m"] for r in consensus], "mode": "lines",
         "line": {"width": 0}, "showlegend": False, "hoverinfo": "skip", "meta": "q3"},
        {"name": "interquartile range", "x": years, "y": [r["q1_usd_m"] for r in consensus], "mode": "lines",
         "line": {"width": 0}, "fill": "tonexty", "fillcolor": BAND_IQR, "meta": "q1"},
        {"name": "consensus", "x": years, "y": [r["consensus_usd_m"] for r in consensus], "mode": "lines",
         "line": {"color": "black", "width": 3}, "meta": "consensus",
         "text": [r["method"] for r in consensus], "hovertemplate": "%{x}: %{y:,.1f}<br>%{text}<extra></extra>"},
    ]  # fmt: skip
    quotes = {(row["report_id"], row["year"]): row["quote"] for row in stated}
    by_report: dict[str, list[dict]] = defaultdict(list)
    for row in estimates:
        by_report[row["report_id"]].append(row)
    for report_id, series in by_report.items():
        label = f"{series[0]['publisher'] or 'no publisher'} ({report_id})"
        data += _series_traces(report_id, label, series, quotes)
    return {"data": data, "layout": _layout(f"{market_name}: estimates and their consensus")}


def _series_traces(report_id: str, label: str, series: list[dict], quotes: dict) -> list[dict]:
    """One report's series: a solid line through its stated and interpolated years, a dashed one through the
    extrapolated years (joined to the stated value they grow from), markers on the stated values and outliers."""
    solid = [row for row in series if row["basis"] != "extrapolated"]
    dashed_x, dashed_y = _extrapolated_runs(series)
    stated = [row for row in series if row["basis"] == "reported"]
    outliers = [row for row in series if row["is_outlier"]]
    group = {"legendgroup": report_id, "meta": report_id}
    traces = [
        {"name": label, "x": [r["year"] for r in solid], "y": [r["value_usd_m"] for r in solid], "mode": "lines",
         "line": {"width": 1.5}, **group},
        {"name": f"{label}, extrapolated", "x": dashed_x, "y": dashed_y, "mode": "lines",
         "line": {"width": 1.5, "dash": "dash"}, "showlegend": False, **group},
        {"name": f"{label}, stated", "x": [r["year"] for r in stated], "y": [r["value_usd_m"] for r in stated],
         "mode": "markers", "marker": {"size": 8}, "showlegend": False,
         "text": [quotes.get((report_id, r["year"]), "") for r in stated],
         "hovertemplate": "%{x}: %{y:,.1f}<br>%{text}<extra></extra>", **group},
    ]  # fmt: skip
    if outliers:
        traces.append(
            {"name": f"{label}, outlier", "x": [r["year"] for r in outliers], "y": [r["value_usd_m"] for r in outliers],
             "mode": "markers", "marker": {"symbol": "x", "size": 12, "color": "crimson"}, "showlegend": False,
             **group}
        )  # fmt: skip
    return traces


def _extrapolated_runs(series: list[dict]) -> tuple[list, list]:
    """x and y of every run of extrapolated years, each joined to the years beside it and ended by a gap (None)."""
    x, y = [], []
    for index, row in enumerate(series):
        if row["basis"] != "extrapolated":
            continue
        if index > 0 and series[index - 1]["basis"] != "extrapolated":
            x, y = [*x, series[index - 1]["year"]], [*y, series[index - 1]["value_usd_m"]]
        x, y = [*x, row["year"]], [*y, row["value_usd_m"]]
        if index == len(series) - 1 or series[index + 1]["basis"] != "extrapolated":
            if index < len(series) - 1:
                x, y = [*x, series[index + 1]["year"]], [*y, series[index + 1]["value_usd_m"]]
            x, y = [*x, None], [*y, None]
    return x, y


def stacked_forecast(title: str, rows: list[dict], member_column: str) -> dict:
    """Members stacked year by year (they add up to the market), each point's basis (reported, derived,
    estimated) on hover."""
    by_member: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_member[row[member_column]].append(row)
    data = [
        {"name": member, "x": [r["year"] for r in points], "y": [r["value_usd_m"] for r in points],
         "text": [r["basis"] for r in points], "stackgroup": "one", "mode": "lines",
         "hovertemplate": "%{x}: %{y:,.1f} (%{text})<extra>" + "%{fullData.name}</extra>", "meta": member}
        for member, points in by_member.items()
    ]  # fmt: skip
    return {"data": data, "layout": _layout(title)}
