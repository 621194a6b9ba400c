from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEED_REPORT = PROJECT_ROOT / "raw" / "reports" / "space-mining-market.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_REPORT.read_text(encoding="utf-8")
