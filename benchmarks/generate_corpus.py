"""Generate N realistic report pages with their ground truth, deterministically from a seed.

    .venv/bin/python benchmarks/generate_corpus.py --pages 1000 --seed 7 --out /tmp/corpus

Writes ``OUT/reports/NAME.txt`` (a raw folder) and ``OUT/labels/NAME.labels.json`` in the labels format of
tests/data/reports/README.md, one page at a time. A page reads like a market-research report page of 2 to 6 KB: a
title, a header line (pages, base year, release, publisher), then sections with headings of their own (overview,
drivers, restraints, trends, regions, segments, competition, developments, analyst view, methodology, scope, FAQ)
and the segmentation at the end. Most sentences state no figure: they are prose drawn from pools of templates
filled with the page's market, regions, countries, companies, segment members and technologies. The figures are
the headline (market values and CAGR), a region's share, a region's CAGR, a segment's value and a dated deal; every
one of them is in the labels, and the prose states no amount, percentage or growth rate that could be read as one.

Pages vary the market (120), the publisher (30) and its edition (release month, base year), the headline
phrasing, the segment dimension and members, the regions, the figures, the sections and their order of filling;
at N = 10,000 each market has many publishers and most publishers several editions of it.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from dataclasses import dataclass
from pathlib import Path
from string import Formatter

MARKET_WORDS = (
    "Lunar Regolith", "Satellite Refuelling", "Orbital Debris Removal", "Cold-Chain Drone", "Marine Hydrogen",
    "Precision Fermentation", "Agrivoltaics", "Direct Air Capture", "Heat Pump Retrofit", "Battery Swapping",
    "Ground Station Services", "In-Orbit Manufacturing", "Vertical Farming Robotics", "Laser Communication",
    "Quantum Sensing", "Space Mining", "Green Ammonia", "Solid-State Battery", "Digital Twin", "Edge AI Chip",
)  # fmt: skip
QUALIFIERS = ("", "Commercial ", "Industrial ", "Autonomous ", "Modular ", "Smart ")
# Made-up research firms: a name word and the word a firm's name ends with ("Research", "Market Insights", ...).
PUBLISHER_NAMES = (
    "Orbit", "Northgate", "Keystone", "Bluefin", "Meridian", "Harborview", "Summit Ridge", "Cobalt", "Granite Peak",
    "Lighthouse", "Silverline", "Redwood", "Pinnacle", "Evergreen", "Crescent", "Tidemark", "Ashford", "Lodestar",
    "Brightpath", "Fairhaven", "Ironwood", "Westbrook", "Quarry Hill", "Sable", "Amberly", "Clearwater", "Foxglove",
    "Halden", "Larkspur", "Kingsbridge",
)  # fmt: skip
PUBLISHER_ENDINGS = (
    "Analytics", "Research", "Market Insights", "Intelligence", "Advisors", "Consulting", "Partners",
    "Market Research", "Insights", "Strategies",
)  # fmt: skip
PUBLISHERS = tuple(
    f"{name} {PUBLISHER_ENDINGS[position % len(PUBLISHER_ENDINGS)]}" for position, name in enumerate(PUBLISHER_NAMES)
)
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
REGION_NAMES = tuple(REGIONS)
# Countries the prose names: no "Rest of ...", and no "U.S." whose full stop would end a sentence early.
PROSE_COUNTRIES = (
    "Canada", "Mexico", "Germany", "France", "the UK", "China", "Japan", "India", "Brazil", "Argentina",
    "Saudi Arabia", "South Africa", "the United States",
)  # fmt: skip
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
RELEASE_MONTHS = (*MONTHS, "November", "December")
COMPANIES = (
    "Acme Orbital", "Helios Works", "Tidewater Systems", "Polar Forge", "Lumen Dynamics", "Vector Labs",
    "Kestrel Robotics", "Brightwater Engineering", "Corvid Avionics", "Halcyon Materials", "Ironbark Technologies",
    "Marlow Instruments", "Nimbus Photonics", "Oakridge Electric", "Quillon Devices", "Saltmarsh Industries",
    "Thornfield Automation", "Umbra Networks", "Wrenfield Mobility", "Zephyr Propulsion", "Stellaris Foundry",
    "Ardent Microsystems", "Calder Fieldworks", "Pemberton Controls",
)  # fmt: skip
TECHNOLOGIES = (
    "machine vision", "autonomous navigation", "remote diagnostics", "additive manufacturing", "power electronics",
    "thermal management", "secure data links", "robotic handling", "high-temperature materials", "computer vision",
    "low-latency networking", "modular power units", "fleet scheduling software", "condition-based servicing",
    "advanced coatings", "precision actuation", "embedded control systems", "satellite connectivity",
)  # fmt: skip
FOUNDED_YEARS = range(1994, 2019)
HEADCOUNTS = (
    "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "one hundred", "one hundred and twenty", "two hundred",
)  # fmt: skip

# Prose that states no figure: no amount, percentage, growth rate or scale word, no number next to a year; the
# market is named in full ("the {market} market"), and "market" never follows another name, so the extractor reads
# the page's market from its title. Slots: {market} (lower case), {publisher}, {region}, {other_region}, {country},
# {company}, {other_company}, {third_company}, {fourth_company}, {member} and {other_member} (lower case),
# {Member}, {dimension}, {tech}, {other_tech}, {count} (a number in words), {year} (a founding year), {month} and
# {news_year} (a development's date), {leader} and {grower} (the regions the page's figures are about).
OVERVIEW = (
    "The {market} market covers the equipment, software and services that operators buy to plan, deploy and run "
    "{tech} at commercial scale.",
    "Buyers range from national agencies and utilities to young companies that still depend on venture funding.",
    "Most revenue today comes from a small number of flagship programmes, but the customer base is widening as costs "
    "fall and procurement rules mature.",
    "Vendors increasingly sell {tech} as part of a bundled offer, which makes like-for-like price comparisons between "
    "suppliers harder than it used to be.",
    "The technology has moved out of the pilot stage in {region}, where several operators now run it as part of "
    "their day-to-day business.",
    "Demand is shaped as much by regulation and insurance requirements as by the underlying economics of the "
    "technology.",
    "For most buyers the question is no longer whether to adopt {tech}, but how quickly it can be integrated with "
    "the systems they already run.",
    "{publisher} tracks the global {market} market as part of its wider coverage of {tech} and related infrastructure.",
    "Although the field is still young, standard interfaces are emerging, and that is lowering the cost of switching "
    "between suppliers.",
    "This edition reflects conversations with buyers in {region} and {other_region}, where procurement cycles are "
    "shortest.",
    "Compared with the previous edition, this report gives more weight to service revenue and less to one-off "
    "hardware sales.",
    "Early deployments set out to prove that the technology works; the current wave has to prove that it pays for "
    "itself.",
)
DRIVERS = (
    "Rising demand from {member} customers is the main driver, as operators look for ways to cut downtime and extend "
    "asset life.",
    "Public programmes in {region} continue to underwrite early projects, lowering the risk for the private buyers "
    "that follow.",
    "Cheaper components have brought {tech} within reach of mid-sized operators that could not justify the "
    "investment before.",
    "Tighter environmental rules are pushing operators toward cleaner processes, and the {market} market is a direct "
    "beneficiary.",
    "Large integrators such as {company} are bundling {tech} into long-term service contracts, which smooths demand "
    "across the cycle.",
    "Customers increasingly expect real-time data from their assets, and suppliers that deliver it through {tech} "
    "are winning repeat business.",
    "A shortage of skilled technicians is encouraging buyers to automate tasks that used to be done by hand.",
    "Insurers have started to reward operators that adopt proven monitoring tools, adding a financial incentive to "
    "the operational one.",
    "Supply-chain resilience has become a boardroom topic, and local production of critical equipment is attracting "
    "new investment in {country}.",
    "Partnerships between equipment makers and software firms are shortening the time it takes to bring new "
    "products to market.",
    "Demand from {member} buyers is rising steadily as early pilots turn into fleet-wide rollouts.",
)
RESTRAINTS = (
    "High upfront costs remain the most common reason buyers delay a purchase, particularly among smaller operators.",
    "Certification can take longer than the product cycle itself, which slows the introduction of new designs in "
    "{region}.",
    "Interoperability is still limited: equipment from different vendors often needs custom integration work before "
    "it can be used together.",
    "Some buyers remain wary of committing to {tech} before standards settle, preferring to wait for a second "
    "generation of products.",
    "Specialised components come from a handful of suppliers, which exposes manufacturers to delays and sudden "
    "changes in prices.",
    "Data ownership and cybersecurity concerns make public-sector buyers cautious about hosted offerings.",
    "Long sales cycles strain the cash position of younger vendors, several of which have merged with larger rivals.",
    "Skilled installation crews are scarce outside the main industrial hubs, which holds back adoption in rural areas.",
    "Uncertainty over future subsidy schemes in {other_region} has led some operators to postpone investment "
    "decisions.",
    "Export controls on certain {tech} components complicate cross-border sales and add compliance work for suppliers.",
)
TRENDS = (
    "Vendors are moving from selling equipment to selling outcomes, with contracts that tie payment to availability "
    "or performance.",
    "Software-defined designs let operators add features through updates instead of replacing hardware, extending "
    "the useful life of installed systems.",
    "Combining {tech} with {other_tech} opens applications that neither technology could serve on its own.",
    "Smaller, modular systems are gaining ground because they can be deployed in stages as budgets allow.",
    "Operators in {region} are experimenting with shared infrastructure that spreads fixed costs across several users.",
    "Interest in refurbishment and second-life programmes is growing, driven both by cost and by sustainability "
    "targets.",
    "Manufacturing hubs are emerging in {country}, supported by tax incentives and a growing pool of engineering "
    "talent.",
    "Subscription pricing is spreading from software into hardware, making it easier for smaller buyers to get "
    "started.",
    "Open reference designs published by industry consortia are lowering the barriers to entry for new suppliers.",
    "Demand for {member} is expected to broaden as customers outside the traditional user base begin to run trials.",
    "Machine learning is being applied to planning and scheduling, where it helps operators make better use of "
    "existing capacity.",
)
REGIONAL = (
    "{region} benefits from a dense network of suppliers, research institutes and early customers.",
    "In {region}, national programmes have created a steady pipeline of demonstration projects that local firms can "
    "bid for.",
    "{country} stands out for the speed of its permitting process, which has attracted several first-of-a-kind "
    "installations.",
    "Buyers in {other_region} tend to favour leasing over outright purchases, reflecting tighter capital budgets.",
    "Growth in {grower} rests on new industrial clusters and rising spending from both public and private customers.",
    "{leader} is still where most vendors launch and test their new products first.",
    "Local content rules in {country} encourage foreign suppliers to form joint ventures with domestic manufacturers.",
    "Across {other_region}, adoption is uneven: a few large operators are well advanced while many smaller ones are "
    "still weighing their options.",
    "Joint projects between {country} and its neighbours are helping to align technical requirements across borders.",
)
SEGMENTS = (
    "Buyers of {member} stay with their incumbent supplier for years, because replacement cycles are long and "
    "switching is costly.",
    "In {member}, customers value reliability above all, and vendors compete mainly on service quality and lead times.",
    "Within the {dimension} breakdown, {other_member} is the one to watch, as several vendors have launched "
    "dedicated product lines.",
    "Demand for {member} is closely tied to new construction activity, while {other_member} follows the installed "
    "base.",
    "Margins are usually higher in {other_member} than in {member}, because integration and support weigh more in "
    "what customers pay for.",
    "The report analyses each {dimension} category on its own, since buying criteria and sales channels differ "
    "widely between them.",
    "Suppliers that offer both {member} and {other_member} can cross-sell to the same customers, an advantage "
    "smaller specialists lack.",
)
COMPETITION = (
    "The competitive landscape is moderately fragmented, with a few established suppliers and a long tail of "
    "specialists.",
    "{company} and {other_company} are among the most active vendors, each with a broad portfolio and long-standing "
    "customer relationships.",
    "Key players include {company}, {other_company}, {third_company} and {fourth_company}.",
    "{company} has focused on vertical integration, bringing design, manufacturing and after-sales service under "
    "one roof.",
    "{company}, founded in {year}, has grown mainly through partnerships with system integrators in {region}.",
    "Young firms compete on software and user experience, areas where incumbents have been slower to invest.",
    "Price competition is fiercest in standard products, while custom systems still command a premium.",
    "{other_company} recently expanded its engineering team in {country} to support customers across {region}.",
    "Several vendors are pursuing certification in new jurisdictions so that they can bid for public tenders.",
    "Consolidation is likely to continue, as larger firms look to acquire specialised know-how in {tech}.",
    "{company} competes mainly on reliability and service, while {other_company} positions itself as the "
    "lower-cost alternative.",
)
# Dated developments without an amount, one bullet each.
DEVELOPMENTS = (
    "In {month} {news_year}, {company} opened a new integration and test facility in {country}.",
    "In {month} {news_year}, {company} partnered with {other_company} to develop {tech} for {member} customers.",
    "In {month} {news_year}, {company} launched a new product line aimed at {member} applications.",
    "In {month} {news_year}, {company} acquired a specialist supplier of {tech} to strengthen its service offering.",
    "In {month} {news_year}, {company} received certification for its latest system in {region}.",
    "In {month} {news_year}, {company} and {other_company} signed a memorandum of understanding on joint product "
    "development.",
    "In {month} {news_year}, {company} completed field testing of its {tech} platform with an operator in {country}.",
    "In {month} {news_year}, {company} appointed a new chief executive to lead its expansion into {other_region}.",
)
ANALYST_VIEW = (
    '"Buyers are no longer asking whether the technology works, but whether it can be serviced at scale," said a '
    "lead analyst at {publisher}.",
    "According to {publisher} analysts, the next few years will separate vendors with real service networks from "
    "those that only sell equipment.",
    '"The winners in the {market} market will be the firms that make {tech} boring and dependable," the report '
    "concludes.",
    "The analysts see the shift toward service contracts as the most important change since the previous edition.",
    "In the view of the research team, supply of qualified components matters more than demand in the near term.",
    "The authors caution that announcements often run ahead of deployments, and they count a project only once it "
    "is operating.",
)
METHODOLOGY = (
    "This report draws on interviews with more than {count} executives at equipment makers, operators and system "
    "integrators.",
    "Primary research was complemented by a review of company filings, trade association publications and "
    "government procurement records.",
    "Estimates were built bottom-up from shipments and average selling prices, then checked top-down against "
    "supplier revenue.",
    "Each estimate was reviewed by at least two analysts, and discrepancies between sources were resolved through "
    "follow-up calls.",
    "Interviews were held with {count} industry participants across {region}, {other_region} and the rest of the "
    "world.",
    "Historical estimates are revised when companies restate their results, so this edition may differ from earlier "
    "ones.",
    "The forecast assumes no major change in trade policy and a gradual easing of component shortages.",
    "The analyst team combined expert interviews with a structured survey of buyers, weighted by company size and "
    "region.",
    "Where companies do not disclose revenue by product line, the report estimates it from launches, contract "
    "announcements and interviews.",
    "Exchange rates are held at base-year averages throughout, so that growth reflects volume and pricing rather than "
    "currency effects.",
)
SCOPE = (
    "The report covers revenue from equipment, software and services sold to end users; transfers between "
    "subsidiaries are excluded.",
    "Revenue is counted in the year the product is delivered, not when the order is placed.",
    "Used and refurbished equipment is tracked separately and left out of the totals for new systems.",
    "Research grants and government-funded demonstrations are counted only when they lead to a commercial purchase.",
    "Company profiles cover product portfolios, recent strategic moves and regional presence for the main vendors.",
    "Country-level analysis is provided for the largest countries in each region.",
    "The study excludes adjacent activities such as consulting and financing, which are covered in separate titles.",
)
# Questions and their answers, each pair one paragraph.
FAQ = (
    "What does the {market} market report cover?\nIt covers the global market by {dimension} and region, with "
    "profiles of the leading companies.",
    "Which region leads the {market} market?\n{leader} leads today, thanks to early adopters and strong public "
    "support.",
    "Which region is growing fastest?\n{grower} is expected to grow fastest over the forecast period, as new "
    "industrial clusters come on stream.",
    "Who are the leading companies in this market?\nLeading companies include {company}, {other_company} and "
    "{third_company}.",
    "What are the main growth drivers?\nCheaper components, supportive regulation and demand from {member} customers "
    "are the main drivers.",
    "What holds the market back?\nHigh upfront costs, slow certification and a shortage of skilled staff are the "
    "main restraints.",
    "How was the research conducted?\nThrough interviews with more than {count} industry participants, supported by "
    "desk research and a buyer survey.",
    "Does the report include company profiles?\nYes, it profiles the main vendors, among them {company} and "
    "{other_company}, with their products and recent moves.",
    "Can the report be customised?\nYes, further countries, segments or company profiles can be added on request.",
    "Which segment is the most attractive?\n{Member} offers the best balance of demand and margin, although "
    "{other_member} is catching up.",
)


@dataclass(frozen=True, eq=False)  # a section is itself only: hashed by identity
class _Section:
    """A section of a page: its heading (one of ``headings``) and the templates its prose is drawn from. ``layout``
    is "prose" (paragraphs of two to four sentences), "bullets" (an item a line) or "pairs" (a question and its
    answer a paragraph); a section that is not ``optional`` is on every page."""

    headings: tuple[str, ...]
    pool: tuple[str, ...]
    layout: str = "prose"
    optional: bool = True

    @property
    def strides(self) -> tuple[int, ...]:
        """Strides coprime with the pool's length: from any start, each walks the whole pool once, in its order."""
        return tuple(stride for stride in range(1, len(self.pool)) if math.gcd(stride, len(self.pool)) == 1)


OVERVIEW_SECTION = _Section(
    ("Overview", "Market Overview", "Report Overview", "Executive Summary"), OVERVIEW, optional=False
)
REGIONAL_SECTION = _Section(("Regional Analysis", "Regional Insights", "Regional Outlook"), REGIONAL, optional=False)
SEGMENT_SECTION = _Section(("Segment Analysis", "Segment Insights"), SEGMENTS, optional=False)
DEVELOPMENT_SECTION = _Section(
    ("Recent Developments", "Recent Industry Developments"), DEVELOPMENTS, layout="bullets", optional=False
)
# In page order; a page leaves out some optional sections, and any section no sentence was drawn for.
SECTIONS = (
    OVERVIEW_SECTION,
    _Section(("Market Drivers", "Drivers", "Growth Drivers"), DRIVERS),
    _Section(("Restraints", "Market Restraints", "Challenges"), RESTRAINTS),
    _Section(("Trends and Opportunities", "Key Trends", "Opportunities"), TRENDS),
    REGIONAL_SECTION,
    SEGMENT_SECTION,
    _Section(("Competitive Landscape", "Competition"), COMPETITION),
    DEVELOPMENT_SECTION,
    _Section(("Analyst View", "Analyst Commentary"), ANALYST_VIEW),
    _Section(("Methodology", "Research Methodology"), METHODOLOGY),
    _Section(("Report Scope", "Scope of the Study"), SCOPE),
    _Section(("Frequently Asked Questions", "FAQ"), FAQ, layout="pairs"),
)
STRIDES = {section: section.strides for section in SECTIONS}
# The slots drawn together ("other_company" is never "company"), and the groups each template needs, in a fixed
# order: only these are drawn for a sentence, and always in the same order for the same page.
SLOT_GROUPS = {
    "company": "company", "other_company": "company", "third_company": "company", "fourth_company": "company",
    "region": "region", "other_region": "region", "member": "member", "Member": "member", "other_member": "member",
    "tech": "tech", "other_tech": "tech", "country": "country", "count": "count", "year": "year", "month": "date",
    "news_year": "date",
}  # fmt: skip
TEMPLATE_SLOT_GROUPS = {
    template: tuple(sorted({SLOT_GROUPS[slot] for _, slot, _, _ in Formatter().parse(template) if slot in SLOT_GROUPS}))
    for section in SECTIONS
    for template in section.pool
}
# Bytes a page aims at (prose is drawn until it is reached): pages end up between 2 and 6 KB.
PAGE_TARGET_BYTES = (2_150, 5_650)
# What a page's headings and blank lines take, about.
LAYOUT_BYTES = 200
OPTIONAL_SECTION_CHANCE = 0.75
PARAGRAPH_SENTENCES = (2, 3, 3, 4)


@dataclass(frozen=True, slots=True)
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


def _paragraphs(sentences: list[str], draw) -> list[str]:
    """Sentences run together into paragraphs of two to four."""
    paragraphs, start = [], 0
    while start < len(sentences):
        size = PARAGRAPH_SENTENCES[int(draw() * len(PARAGRAPH_SENTENCES))]
        paragraphs.append(" ".join(sentences[start : start + size]))
        start += size
    return paragraphs


def _draw_slots(groups: tuple[str, ...], slots: dict, draw) -> None:
    """Fill ``slots`` with fresh values for the slot ``groups`` one sentence uses."""
    for group in groups:
        if group == "company":
            first = int(draw() * len(COMPANIES))
            slots["company"] = COMPANIES[first]
            # three others, each from its own stretch of the list after the first, so that none repeats
            slots["other_company"] = COMPANIES[(first + 1 + int(draw() * 7)) % len(COMPANIES)]
            slots["third_company"] = COMPANIES[(first + 8 + int(draw() * 7)) % len(COMPANIES)]
            slots["fourth_company"] = COMPANIES[(first + 16 + int(draw() * 7)) % len(COMPANIES)]
        elif group == "region":
            first = int(draw() * len(REGION_NAMES))
            slots["region"] = REGION_NAMES[first]
            slots["other_region"] = REGION_NAMES[
                (first + 1 + int(draw() * (len(REGION_NAMES) - 1))) % len(REGION_NAMES)
            ]
        elif group == "member":
            members = slots["members"]
            first = int(draw() * len(members))
            slots["Member"] = members[first]
            slots["member"] = members[first].lower()
            slots["other_member"] = members[(first + 1 + int(draw() * (len(members) - 1))) % len(members)].lower()
        elif group == "tech":
            first = int(draw() * len(TECHNOLOGIES))
            slots["tech"] = TECHNOLOGIES[first]
            slots["other_tech"] = TECHNOLOGIES[(first + 1 + int(draw() * (len(TECHNOLOGIES) - 1))) % len(TECHNOLOGIES)]
        elif group == "country":
            slots["country"] = PROSE_COUNTRIES[int(draw() * len(PROSE_COUNTRIES))]
        elif group == "count":
            slots["count"] = HEADCOUNTS[int(draw() * len(HEADCOUNTS))]
        elif group == "year":
            slots["year"] = FOUNDED_YEARS[int(draw() * len(FOUNDED_YEARS))]
        elif group == "date":
            slots["month"] = MONTHS[int(draw() * len(MONTHS))]
            slots["news_year"] = slots["base_year"] - 1 + int(draw() * 3)  # the year before the base year to the next


def _filled_sections(rng: random.Random, slots: dict, facts: dict[_Section, list[list[str]]], budget: int) -> str:
    """The page's sections, in page order, with prose drawn until about ``budget`` characters are written: one
    sentence at a time, from the sections in a random turn, each section's templates in an order of the page's own
    and none twice. ``facts`` holds a section's fixed paragraphs (each a list that prose may follow in)."""
    draw = rng.random
    chosen = [s for s in SECTIONS if not s.optional or draw() < OPTIONAL_SECTION_CHANCE]
    # each section's parts: lists of sentences, its fixed paragraphs and one of prose only; prose goes to one at random
    parts = {section: [list(part) for part in facts.get(section, ())] + [[]] for section in chosen}
    # each section's walk through its pool: [start, stride, templates drawn]
    walks = {
        section: [int(draw() * len(section.pool)), STRIDES[section][int(draw() * len(STRIDES[section]))], 0]
        for section in chosen
    }
    turn = list(chosen)
    rng.shuffle(turn)
    while budget > 0 and turn:
        for section in list(turn):
            walk = walks[section]
            if walk[2] == len(section.pool):
                turn.remove(section)
                continue
            template = section.pool[(walk[0] + walk[1] * walk[2]) % len(section.pool)]
            walk[2] += 1
            _draw_slots(TEMPLATE_SLOT_GROUPS[template], slots, draw)
            sentence = template.format_map(slots)
            section_parts = parts[section]
            section_parts[int(draw() * len(section_parts))].append(sentence)
            budget -= len(sentence) + 1
            if budget <= 0:
                break
    blocks = []
    for section, section_parts in parts.items():
        if not any(section_parts):
            continue
        blocks.append(section.headings[int(draw() * len(section.headings))])
        if section.layout == "bullets":
            items = [sentence for part in section_parts for sentence in part]
            rng.shuffle(items)
            blocks.extend(f"  - {item}" for item in items)
        elif section.layout == "pairs":
            blocks.extend(pair for part in section_parts for pair in part)
        else:
            for part in section_parts:
                blocks.extend(_paragraphs(part, draw))
    return "\n\n".join(blocks)


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
    leader, grower = rng.sample(REGION_NAMES, 2)
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
    # editions: a publisher's pages on one market, released in different months of the year after the base year
    released = f"{rng.choice(RELEASE_MONTHS)} {base_year + 1}"
    publisher = rng.choice(PUBLISHERS)
    deal_text, _ = _money(rng, rng.uniform(5, 90))
    scope_lines = "\n".join(f"{region}: {', '.join(countries)}" for region, countries in REGIONS.items())
    head = (
        f"{market} Market\n\n"
        f"Pages: {rng.randint(90, 320)} | Base Year: {base_year} | Release: {released} | Publisher: {publisher}\n\n"
    )
    tail = f"\n\nSegmentation\n\nBy {dimension}\n\n{', '.join(members)}\n\nBy Region\n\n{scope_lines}\n"
    fixed_paragraphs = {
        OVERVIEW_SECTION: [[headline]],
        REGIONAL_SECTION: [
            [f"{leader} held a share of {leader_share}% in {base_year}, supported by early adopters and public "
             "funding programmes."],
            [f"{grower} is expected to register the fastest CAGR of {grower_cagr}% over the forecast period."],
        ],
        SEGMENT_SECTION: [
            [f"By {dimension.lower()}, the {segment.lower()} segment accounted for {segment_value_text} in "
             f"{base_year}."]
        ],
        DEVELOPMENT_SECTION: [[f"In {month} {start}, {company} raised {deal_text} to expand production."]],
    }  # fmt: skip
    fixed_length = len(head) + len(tail) + LAYOUT_BYTES
    fixed_length += sum(len(sentence) for part in fixed_paragraphs.values() for [sentence] in part)
    slots = {
        "market": market.lower(),
        "publisher": publisher,
        "dimension": dimension.lower(),
        "members": members,
        "leader": leader,
        "grower": grower,
        "base_year": base_year,
    }
    budget = rng.randint(*PAGE_TARGET_BYTES) - fixed_length
    text = head + _filled_sections(rng, slots, fixed_paragraphs, budget) + tail
    labels = {
        "report": {
            "market": market,
            "publisher": publisher,
            "base_year": base_year,
            "forecast_start_year": start,
            "forecast_end_year": end,
        },
        "facts": [{**fact, "currency": "USD"} if fact["metric"] == "value" else fact for fact in facts],
    }
    return GeneratedPage(name, text, labels)


def generate_corpus(pages: int, seed: int, out: Path) -> list[GeneratedPage]:
    """Generate and write ``pages`` pages, each written as soon as it is made, and return them: their texts are the
    only copy kept, and pure ASCII, so a page takes one byte a character in memory as on disk."""
    rng = random.Random(seed)
    reports, labels = out / "reports", out / "labels"
    reports.mkdir(parents=True, exist_ok=True)
    labels.mkdir(parents=True, exist_ok=True)
    generated = []
    for number in range(pages):
        page = generate_page(number, rng)
        (reports / f"{page.name}.txt").write_text(page.text, encoding="utf-8")
        (labels / f"{page.name}.labels.json").write_text(json.dumps(page.labels), encoding="utf-8")
        generated.append(page)
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
