"""Render every corpus truth file and the synthetic resumes through the layout families.

    python bench/generate_layouts.py                       # all families, into .cache/layouts/
    python bench/generate_layouts.py --families html_sidebar_left,docx_table_sidebar --out /tmp/l
    python bench/generate_layouts.py --check               # also look up every truth string
    python bench/generate_layouts.py --list                # families and their traits

Each family writes `<out>/<family>/<stem>.pdf|.docx` and `<stem>.json` (the exact truth of
what that document shows). Unchanged documents are reused from the cache. One line per
family: files written, or why the family could not be built here (a missing tool: run
`bash scripts/setup_layouts.sh`). Exit status 1 only on a real error (a render that failed,
or with --check a truth string missing from its document).
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.layouts import DEFAULT_OUT, FAMILIES, generate_family  # noqa: E402
from bench.layouts.check import check_document  # noqa: E402
from bench.layouts.sources import load_sources  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--families", help="comma-separated family names (default: all)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    parser.add_argument("--check", action="store_true", help="look up every truth string in its document's text")
    parser.add_argument("--list", action="store_true", help="list the families and exit")
    parser.add_argument("-v", "--verbose", action="store_true", help="with --check, print every miss")
    args = parser.parse_args(argv)

    if args.list:
        for family in FAMILIES.values():
            print(f"{family.name:28} {family.kind:9} {family.ext:5} {family.traits}")
        return 0
    names = [n.strip() for n in args.families.split(",") if n.strip()] if args.families else list(FAMILIES)
    unknown = [n for n in names if n not in FAMILIES]
    if unknown:
        parser.error(f"unknown families: {', '.join(unknown)} (see --list)")

    sources = load_sources()
    failed = False
    started = time.perf_counter()
    total_misses = total_strings = 0
    for name in names:
        family = FAMILIES[name]
        t0 = time.perf_counter()
        try:
            result = generate_family(family, sources, args.out)
        except Exception as error:  # a real error: report it, go on with the other families
            failed = True
            print(f"{name}: ERROR {type(error).__name__}: {error}")
            traceback.print_exc(file=sys.stderr)
            continue
        if result.skipped_reason:
            print(f"{name}: not built: {result.skipped_reason}")
            continue
        line = (
            f"{name}: {len(result.docs)} documents + truth ({result.rendered} rendered, "
            f"{len(result.docs) - result.rendered} cached) in {time.perf_counter() - t0:.1f} s"
        )
        if result.dropped:
            failed = True
            line += f"; FAILED to render {len(result.dropped)}: {', '.join(result.dropped)}"
        if args.check:
            misses = []
            from bench.layouts.check import truth_strings

            for doc in result.docs:
                total_strings += len(truth_strings(doc.truth))
                misses.extend(f"{doc.path.name}: {m}" for m in check_document(doc.path, doc.truth))
            total_misses += len(misses)
            line += f"; check: {len(misses)} truth strings not found"
            if misses:
                failed = True
                for miss in misses if args.verbose else misses[:5]:
                    line += f"\n    missing {miss}"
        print(line, flush=True)
    if args.check:
        print(f"check: {total_strings - total_misses}/{total_strings} truth strings found")
    print(f"total {time.perf_counter() - started:.1f} s, output in {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
