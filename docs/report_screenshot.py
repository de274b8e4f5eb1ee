"""Make ``docs/report.png``: the README's picture of the HTML run report.

Cleans the fixture articles plus ``--documents`` generated dirty articles
(``textfix.strategies.make_dirty_article``; never a third-party corpus) with the news preset
and ``--report run.html``, opens the page in headless Chromium (Debian's ``chromium``, driven
by Playwright) and saves the top of the page, reduced to a palette PNG under 300 KB.

    .venv/bin/python docs/report_screenshot.py
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--height", type=int, default=2300, help="pixels of the page kept")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "report.png")
    args = parser.parse_args()

    from PIL import Image
    from playwright.sync_api import sync_playwright

    from textfix.strategies import make_dirty_article

    scratch = Path(tempfile.mkdtemp(prefix="textfix-screenshot-"))
    corpus = scratch / "corpus"
    shutil.copytree(ROOT / "fixtures" / "sample" / "articles", corpus / "articles")
    shutil.copy(ROOT / "fixtures" / "sample" / "articles.jsonl", corpus / "wire.jsonl")
    with (corpus / "generated.jsonl").open("w", encoding="utf-8") as stream:
        for number in range(args.documents):
            text = make_dirty_article(number).dirty
            stream.write(json.dumps({"id": f"gen-{number:05d}", "text": text}) + "\n")
        stream.write('{"text": broken\n')
    page_path = scratch / "run.html"
    command = [sys.executable, "-m", "textfix", "clean", str(corpus), "-p", "news", "-q"]
    command += ["-o", str(scratch / "out.jsonl"), "--report", str(page_path), "-j", "2"]
    subprocess.run(command, check=False, cwd=scratch)
    shot = scratch / "full.png"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1100, "height": args.height})
        page.goto(page_path.as_uri())
        page.wait_for_selector("body[data-charts=drawn]", state="attached")  # charts drawn
        page.screenshot(path=str(shot))
        browser.close()
    image = Image.open(shot).convert("RGB")
    image = image.resize((image.width * 3 // 4, image.height * 3 // 4), Image.LANCZOS)
    image.quantize(colors=64).save(args.output, optimize=True)
    print(f"{args.output}: {args.output.stat().st_size / 1e3:.0f} kB; page: {page_path}")


if __name__ == "__main__":
    main()
