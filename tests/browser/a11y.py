"""axe-core (npm, installed by scripts/setup.sh into .venv/node_tools) run inside a test's page."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.browser.conftest import VENV_BIN

AXE = VENV_BIN.parent / "node_tools" / "node_modules" / "axe-core" / "axe.min.js"
# What a person cannot get past: a control without a name, text too faint to read, a broken role.
BLOCKING = ("serious", "critical")


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now, one line each."""
    if not AXE.exists():
        raise RuntimeError(f"{AXE} is missing: run scripts/test.sh (or source scripts/setup.sh), which installs it.")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated by the test driver, not added as a <script>: the page's content security
        # policy rightly refuses an inline script it does not know.
        page.evaluate(AXE.read_text(encoding="utf-8"))
        # Colours as they settle: a button caught halfway through its hover transition reads
        # as a contrast failure that no person sees for more than a blink.
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    page.mouse.move(0, 0)
    found = _run(page)
    if found:
        # Once more after a moment: a page between two renders (a row fading in, a button
        # caught mid-animation) is not what a person reads.
        page.wait_for_timeout(1000)
        found = _run(page)
    return found


def _run(page: Page) -> list[str]:
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}; {len(violation['nodes'])} on the page, "
        f"e.g. {[_node(node) for node in violation['nodes'][:3]]}"
        for violation in results["violations"]
        if violation["impact"] in BLOCKING
    ]


def _node(node: dict) -> str:
    """Where, and what axe measured there (colours and contrast for a contrast finding)."""
    checks = node.get("any", []) + node.get("all", [])
    data = next((check["data"] for check in checks if isinstance(check.get("data"), dict)), {})
    keys = ("fgColor", "bgColor", "contrastRatio", "expectedContrastRatio")
    measured = {key: data[key] for key in keys if key in data}
    return f"{' '.join(map(str, node['target']))} {measured or ''}".strip()
