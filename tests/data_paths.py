"""Where the tests' data lives: everything inside the checkout (a user's clone has nothing beside it)."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA = PROJECT_ROOT / "tests" / "data"
SEEDS_DIR = PROJECT_ROOT / "seeds"  # the two seed articles, also the default drop folder
SEED_GOLD_DIR = DATA / "gold"  # their hand-made gold records (docs/FACTS.md)
STYLES_DIR = DATA / "styles"  # test articles in other styles; gold in STYLES_DIR / "gold"
STYLES_GOLD_DIR = STYLES_DIR / "gold"
