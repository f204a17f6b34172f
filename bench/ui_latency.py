"""How fast the tailoring page answers, measured in the browser against the running app.

Starts the app as a user does (`reflex run --env prod`, own data directory), drives Debian's
Chromium with Playwright, and times with the page's own clock (performance.now()):
- paste: from a posting pasted (Ctrl+V from the clipboard) into the text box to the ranked
  bullets (scores shown),
  warm model, a new posting each time (its requirements go through the model; the
  resume's bullets are cached). Target <= 1 s. Baseline in the same run: the model work
  alone, analysis + encoding of the same postings' requirements in this process.
- reorder: from a key press (ArrowUp/ArrowDown on a bullet's grip handle) or a mouse drop
  to the save indicator counting the saved order. Target <= 150 ms. Baseline in the same
  run: the round trip of the page's lightest event (opening "Compare with master").

Run: .venv/bin/python bench/ui_latency.py [TRUTH_NAME]   (a resume of ../shared/corpus/truth;
default soupboss_01_accountant, 11 bullets; awesomecv_resume has 30)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, AppServer  # noqa: E402
from tests.browser.helpers import open_truth_resume  # noqa: E402
from tests.browser.tailoring import drag_row_to_top, job, posting, start_tailoring, wait_ranked  # noqa: E402

RESUME = "soupboss_01_accountant"
POSTINGS = [
    "indeed_974_senior_accountant",
    "indeed_589_tax_accountant",
    "indeed_496_office_coordinator",
    "indeed_079_business_intelligence_developer",
    "indeed_150_devops_engineer",
    "indeed_245_software_engineer",
    "indeed_357_sr_product_manager",
    "indeed_414_data_engineer",
    "indeed_793_it_support_specialist_field_and_desktop",
    "indeed_321_sr_full_stack_java_web_developer",
]
KEY_MOVES = 20
DRAGS = 8

WATCH_RANKED = """() => new Promise((resolve) => {
    const start = performance.now();
    const observer = new MutationObserver(() => {
        if (document.querySelector('.bullet-row .bullet-score')) {
            observer.disconnect();
            window.__latency = performance.now() - start;
        }
    });
    observer.observe(document.body, {subtree: true, childList: true});
    window.__latency = null;
    resolve();
})"""

# Starts the clock at the next key press or mouse release, stops it when the save counter moves.
WATCH_SAVED = """() => {
    window.__latency = null;
    const status = document.querySelector('#save-status');
    const before = Number(status.dataset.saves);
    let start = null;
    const begin = () => { if (start === null) start = performance.now(); };
    document.addEventListener('keydown', begin, {capture: true, once: true});
    document.addEventListener('mouseup', begin, {capture: true, once: true});
    const observer = new MutationObserver(() => {
        if (Number(status.dataset.saves) > before && status.dataset.status === 'saved') {
            observer.disconnect();
            window.__latency = performance.now() - start;
        }
    });
    observer.observe(status, {attributes: true});
}"""


def _measured(page: Page) -> float:
    page.wait_for_function("() => window.__latency !== null", timeout=60_000)
    return float(page.evaluate("() => window.__latency"))


def paste_latency(page: Page, text: str) -> float:
    box = page.locator("#posting-text")
    box.focus()
    page.evaluate("(text) => navigator.clipboard.writeText(text)", text)
    page.evaluate(WATCH_RANKED)
    page.keyboard.press("Control+V")  # a real paste from the clipboard
    latency = _measured(page)
    assert box.input_value() == text
    wait_ranked(page)
    return latency


def biggest_job(page: Page):
    """The job with the most bullets: where reordering happens."""
    counts = [job(page, n).locator(".bullet-row").count() for n in range(page.locator(".job-card").count())]
    return job(page, counts.index(max(counts)))


def key_move_latency(page: Page, index: int, key: str) -> float:
    handle = biggest_job(page).locator(".bullet-row").nth(index).locator(".bullet-handle")
    handle.focus()
    page.evaluate(WATCH_SAVED)
    page.keyboard.press(key)
    return _measured(page)


def drag_latency(page: Page) -> float:
    card = biggest_job(page)
    page.evaluate(WATCH_SAVED)
    drag_row_to_top(page, card, min(2, card.locator(".bullet-row").count() - 1))
    return _measured(page)


def compare_latency(page: Page) -> float:
    page.evaluate(
        """() => {
            window.__latency = null;
            const start = performance.now();
            const observer = new MutationObserver(() => {
                const button = [...document.querySelectorAll('button')].find(
                    (b) => b.textContent.includes('Back to tailoring'));
                if (button) { observer.disconnect(); window.__latency = performance.now() - start; }
            });
            observer.observe(document.body, {subtree: true, childList: true, characterData: true});
            [...document.querySelectorAll('button')].find(
                (b) => b.textContent.includes('Compare with master')).click();
        }"""
    )
    latency = _measured(page)
    page.get_by_role("button", name="Back to tailoring").click()
    page.locator(".job-card").first.wait_for()
    return latency


def model_only_ms(texts: list[str]) -> float:
    """Analysis and encoding of each posting's requirements, in this process, warm model."""
    from resume_app.matching.embedder import Embedder
    from resume_app.matching.requirements import analyze_posting

    embedder = Embedder()
    # A first pass straight through the model (the embedder's memory stays empty) warms it
    # for these text lengths, as the app's model is warm by then.
    for text in texts:
        embedder.load().encode([item.text for item in analyze_posting(text).requirements])
    samples = []
    for text in texts:
        start = time.perf_counter()
        analysis = analyze_posting(text)
        embedder.encode([item.text for item in analysis.requirements])
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    data_dir = Path(tempfile.mkdtemp(prefix="ui-latency-"))
    server = AppServer(data_dir, data_dir / "app.log")
    print("starting the app (prod build)...", flush=True)
    server.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(
                viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"]
            )
            page = context.new_page()
            page.set_default_timeout(90_000)
            open_truth_resume(page, server.url, sys.argv[1] if len(sys.argv) > 1 else RESUME)
            resume_url = page.url
            # Warm-up: the model finishes loading and the resume's bullets get cached.
            start_tailoring(page)
            page.locator("#posting-text").fill(posting("indeed_150_devops_engineer.flat"))
            wait_ranked(page)

            pastes = []
            for name in POSTINGS:
                page.goto(resume_url)
                start_tailoring(page)
                pastes.append(paste_latency(page, posting(name)))
            key_moves = [key_move_latency(page, 1, "ArrowUp" if n % 2 == 0 else "ArrowDown") for n in range(KEY_MOVES)]
            drags = [drag_latency(page) for _ in range(DRAGS)]
            compares = [compare_latency(page) for _ in range(10)]
            browser.close()
    finally:
        server.stop()
    model_ms = model_only_ms([posting(name) for name in POSTINGS])

    def line(label: str, samples: list[float], target: str, baseline: float) -> None:
        median = statistics.median(samples)
        print(
            f"{label:<34} median {median:7.1f} ms  max {max(samples):7.1f} ms  n={len(samples):<3}"
            f" {median / baseline:5.1f}x baseline  target {target}"
        )

    compare_ms = statistics.median(compares)
    print(f"\nbaseline: model work alone (analysis + encode requirements) median {model_ms:.1f} ms")
    print(f"baseline: lightest page event round trip (open Compare) median {compare_ms:.1f} ms\n")
    line("paste posting -> ranked list", pastes, "<= 1000 ms", model_ms)
    line("reorder by key -> saved", key_moves, "<= 150 ms", compare_ms)
    line("reorder by drag and drop -> saved", drags, "<= 150 ms", compare_ms)


if __name__ == "__main__":
    main()
