"""Where the shared test corpus lives: ../shared/corpus beside the checkout."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
TRUTH_FILES = sorted((CORPUS / "truth").glob("*.json"))
