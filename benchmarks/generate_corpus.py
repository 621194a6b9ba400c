"""Generate N realistic report pages with their ground truth, deterministically from a seed.

    .venv/bin/python benchmarks/generate_corpus.py --pages 1000 --seed 7 --out /tmp/corpus

Writes ``OUT/reports/NAME.txt`` (a raw folder) and ``OUT/labels/NAME.labels.json`` in the labels format of
tests/data/reports/README.md. Pages vary the market, the publisher's phrasing (several headline templates), the
segment dimensions and members, the regions, the figures and the developments; with 120 markets and 5 publishers,
most markets have several publishers and several editions of each. Every stated figure is in the labels.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from pathlib import Path

MARKET_WORDS = (
    "Lunar Regolith", "Satellite Refuelling", "Orbital Debris Removal", "Cold-Chain Drone", "Marine Hydrogen",
    "Precision Fermentation", "Agrivoltaics", "Direct Air Capture", "Heat Pump Retrofit", "Battery Swapping",
    "Ground Station Services", "In-Orbit Manufacturing", "Vertical Farming Robotics", "Laser Communication",
    "Quantum Sensing", "Space Mining", "Green Ammonia", "Solid-State Battery", "Digital Twin", "Edge AI Chip",
)  # fmt: skip
QUALIFIERS = ("", "Commercial ", "Industrial ", "Autonomous ", "Modular ", "Smart ")
PUBLISHERS = (
    "Orbit Analytics", "Northgate Research", "Keystone Market Insights", "Bluefin Intelligence", "Meridian Advisors",
)  # fmt: skip
# Every report lists its own segments: a dimension, then members drawn and qualified per page, so that nearly every
# page has a taxonomy of its own, as in a real catalogue (the extractor builds its name patterns per taxonomy).
DIMENSIONS = ("Type", "Application", "End User", "Deployment", "Component", "Technology", "Service", "Capacity")
MEMBER_WORDS = (
    "Hardware", "Software", "Services", "Consumables", "Construction", "Energy", "Transport", "Healthcare",
    "Agriculture", "Government", "Commercial Operators", "Research Institutes", "On-Premise", "Cloud", "Hybrid",
    "Sensors", "Actuators", "Controllers", "Batteries", "Modules", "Platforms", "Analytics", "Maintenance",
    "Installation", "Logistics", "Defence", "Utilities", "Retail", "Automotive", "Aerospace", "Telecom",
    "Residential", "Offshore", "Onshore", "Payloads", "Inspection", "Monitoring", "Storage", "Testing", "Training",
)  # fmt: skip
MEMBER_QUALIFIERS = ("", "", "Small-Scale ", "Large-Scale ", "Portable ", "Stationary ", "Low-Power ", "High-Power ")
REGIONS = {
    "North America": ("U.S.", "Canada", "Mexico"),
    "Europe": ("Germany", "France", "UK", "Rest of Europe"),
    "Asia Pacific": ("China", "Japan", "India", "Rest of Asia Pacific"),
    "Latin America": ("Brazil", "Argentina"),
    "Middle East & Africa": ("Saudi Arabia", "South Africa"),
}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
COMPANIES = ("Acme Orbital", "Helios Works", "Tidewater Systems", "Polar Forge", "Lumen Dynamics", "Vector Labs")


@dataclass(frozen=True)
class GeneratedPage:
    name: str
    text: str
    labels: dict


def _money(rng: random.Random, millions: float) -> tuple[str, float]:
    """A money phrase as publishers write it, and its value in millions as stated (after rounding)."""
    if millions >= 1000 and rng.random() < 0.6:
        stated = round(millions / 1000, 2)
        unit = rng.choice(["billion", "Bn", "billion"])
        prefix = rng.choice(["USD ", "US$ ", "USD "])
        return f"{prefix}{stated:,.2f} {unit}", round(stated * 1000, 6)
    stated = round(millions, 1)
    return f"{rng.choice(['USD ', 'US$ '])}{stated:,.1f} million", stated


def generate_page(number: int, rng: random.Random) -> GeneratedPage:
    market = f"{rng.choice(QUALIFIERS)}{rng.choice(MARKET_WORDS)}"
    name = f"{market.lower().replace(' ', '-').replace('&', 'and')}-{number:05d}"
    base_year = rng.choice([2023, 2024, 2025])
    start, end = base_year + 1, base_year + rng.choice([6, 7, 8, 9])
    base_value = rng.uniform(80, 9000)
    cagr = round(rng.uniform(4, 32), 2)
    start_value = base_value * (1 + cagr / 100)
    end_value = start_value * (1 + cagr / 100) ** (end - start)
    base_text, base_stated = _money(rng, base_value)
    start_text, start_stated = _money(rng, start_value)
    end_text, end_stated = _money(rng, end_value)
    facts = [
        {"metric": "value", "scope": "market", "member": None, "year": base_year, "value": base_stated},
        {"metric": "value", "scope": "market", "member": None, "year": start, "value": start_stated},
        {"metric": "value", "scope": "market", "member": None, "year": end, "value": end_stated},
        {"metric": "cagr", "scope": "market", "member": None, "period": [start, end], "pct": cagr},
    ]
    headline = rng.choice(
        [
            f"The global {market.lower()} market size was valued at {base_text} in {base_year} and is projected to "
            f"grow from {start_text} in {start} to {end_text} by {end}, exhibiting a CAGR of {cagr}% during the "
            "forecast period.",
            f"The {market} Market size is estimated at {base_text} in {base_year}. It is expected to reach "
            f"{start_text} in {start} and {end_text} by {end}, at a CAGR of {cagr}% from {start} to {end}.",
            f"The global {market.lower()} market was worth {base_text} in {base_year}; it is set to grow from "
            f"{start_text} in {start} to {end_text} by {end}, registering a compound annual growth rate (CAGR) of "
            f"{cagr}% over {start}-{end}.",
        ]
    )
    dimension = rng.choice(DIMENSIONS)
    members = [f"{rng.choice(MEMBER_QUALIFIERS)}{word}" for word in rng.sample(MEMBER_WORDS, rng.randint(3, 6))]
    regions = list(REGIONS)
    leader, grower = rng.sample(regions, 2)
    leader_share = round(rng.uniform(25, 45), 1)
    grower_cagr = round(cagr + rng.uniform(0.5, 4), 2)
    segment = rng.choice(members)
    segment_value_text, segment_value = _money(rng, base_value * rng.uniform(0.2, 0.45))
    facts += [
        {"metric": "share", "scope": "region", "member": leader, "year": base_year, "pct": leader_share},
        {"metric": "cagr", "scope": "region", "member": grower, "period": [start, end], "pct": grower_cagr},
        {"metric": "value", "scope": "segment", "member": segment, "year": base_year, "value": segment_value},
    ]
    month, company = rng.choice(MONTHS), rng.choice(COMPANIES)
    # editions: the same publisher's pages on one market, released in different months
    released = f"{rng.choice(MONTHS)} {base_year + 1}"
    deal_text, _ = _money(rng, rng.uniform(5, 90))
    scope_lines = "\n".join(f"{region}: {', '.join(countries)}" for region, countries in REGIONS.items())
    text = (
        f"{market} Market\n\n"
        f"Pages: {rng.randint(90, 320)} | Base Year: {base_year} | Release: {released} | "
        f"Publisher: {rng.choice(PUBLISHERS)}\n\n"
        f"{headline}\n\n"
        f"{leader} held a share of {leader_share}% in {base_year}, supported by early adopters and public "
        "funding programmes.\n\n"
        f"{grower} is expected to register the fastest CAGR of {grower_cagr}% over the forecast period.\n\n"
        f"By {dimension.lower()}, the {segment.lower()} segment accounted for {segment_value_text} in {base_year}.\n\n"
        f"  • In {month} {start}, {company} raised {deal_text} to expand production.\n\n"
        f"Segmentation\n\nBy {dimension}\n\n{', '.join(members)}\n\nBy Region\n\n{scope_lines}\n"
    )
    labels = {
        "report": {"market": market, "base_year": base_year, "forecast_start_year": start, "forecast_end_year": end},
        "facts": [{**fact, "currency": "USD"} if fact["metric"] == "value" else fact for fact in facts],
    }
    return GeneratedPage(name, text, labels)


def generate_corpus(pages: int, seed: int, out: Path) -> list[GeneratedPage]:
    rng = random.Random(seed)
    (out / "reports").mkdir(parents=True, exist_ok=True)
    (out / "labels").mkdir(parents=True, exist_ok=True)
    generated = [generate_page(number, rng) for number in range(pages)]
    for page in generated:
        (out / "reports" / f"{page.name}.txt").write_text(page.text, encoding="utf-8")
        (out / "labels" / f"{page.name}.labels.json").write_text(json.dumps(page.labels), encoding="utf-8")
    return generated


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    arguments = parser.parse_args()
    generated = generate_corpus(arguments.pages, arguments.seed, arguments.out)
    size = sum(len(page.text.encode()) for page in generated)
    print(f"{len(generated)} pages, {size / 1e6:.2f} MB, in {arguments.out}")


if __name__ == "__main__":
    main()
