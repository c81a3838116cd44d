"""The HTML report renders in a real browser (headless Chromium) from one self-contained file."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from glossary.check import write_report
from tests.test_report_writers import result

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _render(page: Path) -> str:
    """The DOM after Chromium loaded the page with the network off."""
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                "--dump-dom", page.resolve().as_uri(),
            ],
            capture_output=True, text=True, timeout=120, check=True,
        )  # fmt: skip
    return done.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian: apt-get install chromium)")
def test_report_renders_summary_and_findings_in_chromium(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    write_report(result(), page)
    dom = BeautifulSoup(_render(page), "html.parser")
    assert dom.title.string == "paraterm check: en.txt → zh.txt"
    assert dom.find(id="verdict").get_text() == "2 findings; check failed (fail on error)"
    summary = [[td.get_text() for td in tr.find_all("td")] for tr in dom.find(id="summary").tbody.find_all("tr")]
    assert summary == [["term-forbidden", "error", "1"], ["omission", "warning", "1"]]
    rows = dom.find(id="findings").tbody.find_all("tr")
    cells = [td.get_text() for td in rows[0].find_all("td")]
    assert cells[:5] == ["F0001", "term-forbidden", "error", "¶4[2.] s7", "¶4[2.] s6"]
    assert cells[5] == "Zones <b>free</b> of nuclear weapons."  # shown as text, not markup
    assert [m.get_text() for m in rows[0].find_all("mark")] == ["无核区"]
    assert [m.get_text() for m in rows[1].find_all("mark")] == ["The Group thanks the secretariat."]
    # nothing outside the file: no script, stylesheet link, image or external URL
    assert not dom.find_all(["script", "link", "img", "iframe"]) and "http" not in page.read_text(encoding="utf-8")
