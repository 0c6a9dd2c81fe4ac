"""The web player in real headless Chromium: accessibility (axe-core), highlighting during play, seeking.

Needs Debian's chromium and chromium-driver, the `selenium` package, and axe-core from npm
(`npm ci --prefix tests/browser`); each test skips with the reason when its part is missing.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from narration.models import Cue
from narration.publish.site import write_site
from narration.serve import make_server
from piper_voice import piper_voice
from sitekit import SHOW, episode

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed: pip install selenium")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
AXE = Path(os.environ.get("AXE_CORE_JS") or Path(__file__).parent / "browser/node_modules/axe-core/axe.min.js")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--autoplay-policy=no-user-gesture-required", "--mute-audio", "--window-size=1280,900",
)
SENTENCES = (
    "Breast calcifications.",
    "Calcifications are small deposits of calcium in the breast.",
    "They show up as white spots on a mammogram.",
    "Most calcifications are harmless and need no treatment.",
)
GAP_S = 0.4
SLUG = "01-breast-calcifications"

pytestmark = [
    pytest.mark.skipif(not CHROMIUM, reason="Chromium is not installed (apt-get install chromium)"),
    pytest.mark.skipif(not CHROMEDRIVER, reason="chromedriver is not installed (apt-get install chromium-driver)"),
]


def _speech() -> tuple[np.ndarray, int, tuple[Cue, ...]]:
    """Real Piper speech of a few sentences with silences between them, and where each one starts."""
    voice = piper_voice()
    rate = voice.config.sample_rate
    gap = np.zeros(int(GAP_S * rate), dtype=np.float32)
    pieces, cues, position = [], [], 0
    for index, sentence in enumerate(SENTENCES):
        samples = np.concatenate([c.audio_float_array for c in voice.synthesize(sentence)]).astype(np.float32)
        start = position
        position += len(samples)
        cues.append(Cue(round(start * 1000 / rate), round(position * 1000 / rate), sentence,
                        "heading" if index == 0 else "body"))
        pieces += [samples, gap]
        position += len(gap)
    return np.concatenate(pieces), rate, tuple(cues)


def _encode_mp3(samples: np.ndarray, rate: int, target: Path) -> None:
    import imageio_ffmpeg

    command = [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y",
               "-f", "f32le", "-ar", str(rate), "-ac", "1", "-i", "pipe:0",
               "-ar", "44100", "-ac", "1", "-b:a", "96k", str(target)]
    subprocess.run(command, input=samples.tobytes(), check=True, capture_output=True)


def _vtt(cues: tuple[Cue, ...]) -> str:
    def stamp(ms: int) -> str:
        return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"

    return "WEBVTT\n\n" + "\n\n".join(f"{stamp(c.start_ms)} --> {stamp(c.end_ms)}\n{c.text}" for c in cues) + "\n"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, tuple[Cue, ...]]]:
    """The sample episode built and served by our own preview server on a free loopback port."""
    root = tmp_path_factory.mktemp("site")
    samples, rate, cues = _speech()
    (root / "episodes").mkdir()
    mp3 = root / "episodes" / f"{SLUG}.mp3"
    _encode_mp3(samples, rate, mp3)
    (root / "transcripts").mkdir()
    (root / "transcripts" / f"{SLUG}.vtt").write_text(_vtt(cues), encoding="utf-8")
    (root / "feed.xml").write_text("<rss version='2.0'/>", encoding="utf-8")
    from PIL import Image

    Image.new("RGB", (240, 240), (0, 61, 122)).save(root / SHOW.cover)
    ep = episode(SLUG, cues, title="What are breast calcifications? & <why> they matter 🎧",
                 size=mp3.stat().st_size)
    write_site(root, SHOW, [ep])
    server = make_server(root, port=0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}", cues
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def _open_player(browser, site_url) -> tuple:
    base, cues = site_url
    browser.get(f"{base}/episodes/{SLUG}.html")
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return audio.readyState >= 1"))
    return browser.find_elements(By.CSS_SELECTOR, "button.cue"), cues


def _state(browser) -> dict:
    """Where the audio is and which sentence the page marks as current."""
    return browser.execute_script(
        "const current = document.querySelectorAll('[aria-current]');"
        "return {time: audio.currentTime, paused: audio.paused, rate: audio.playbackRate,"
        " current: Array.from(current).map(e => e.id)};"
    )


@pytest.mark.skipif(not AXE.is_file(), reason=f"axe-core is not installed ({AXE}): npm ci --prefix tests/browser")
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", ["index.html", f"episodes/{SLUG}.html"])
def test_axe_finds_no_violations(browser, site_url, page: str, scheme: str) -> None:
    """Both colour schemes, with the current sentence highlighted (it is on load)."""
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
    )
    browser.get(f"{site_url[0]}/{page}")
    assert browser.execute_script(f"return matchMedia('(prefers-color-scheme: {scheme})').matches")
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document).then(r => done({violations: r.violations, passes: r.passes.length}),"
        " e => done({error: String(e)}));"
    )
    assert "error" not in result, result
    assert result["passes"] > 10  # axe really looked at the page
    problems = [(v["id"], v["help"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    assert problems == [], json.dumps(problems, indent=1)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_pressing_play_advances_the_highlighted_sentence(browser, site_url) -> None:
    buttons, cues = _open_player(browser, site_url)
    assert _state(browser)["current"] == ["cue-0"]
    audio = browser.find_element(By.ID, "audio")
    # Chromium's native controls put the play button at their left end (the centre is the seek bar).
    ActionChains(browser).move_to_element_with_offset(audio, -audio.rect["width"] / 2 + 20, 0).click().perform()
    assert not _state(browser)["paused"]
    WebDriverWait(browser, 15).until(lambda d: _state(d)["current"] == ["cue-1"])
    state = _state(browser)
    assert not state["paused"]
    assert state["time"] * 1000 >= cues[1].start_ms - 100
    assert buttons[1].get_attribute("aria-current") == "true"
    background = buttons[1].value_of_css_property("background-color")
    assert background != buttons[2].value_of_css_property("background-color")  # visibly marked
    browser.execute_script("audio.pause()")


def test_clicking_a_sentence_seeks_the_audio(browser, site_url) -> None:
    buttons, cues = _open_player(browser, site_url)
    buttons[3].click()
    target = cues[3].start_ms / 1000
    WebDriverWait(browser, 10).until(lambda d: not _state(d)["paused"] and _state(d)["time"] > target)
    state = _state(browser)
    assert target <= state["time"] < target + 2.5
    assert state["current"] == ["cue-3"]
    # Byte ranges from the server make the whole file seekable, which Chromium needs to seek at all.
    seekable_end = browser.execute_script("return audio.seekable.length ? audio.seekable.end(0) : 0")
    assert seekable_end == pytest.approx(browser.execute_script("return audio.duration"), abs=0.1)
    browser.execute_script("audio.pause()")


def test_enter_on_a_sentence_seeks_the_audio(browser, site_url) -> None:
    buttons, cues = _open_player(browser, site_url)
    buttons[2].send_keys(Keys.ENTER)
    target = cues[2].start_ms / 1000
    WebDriverWait(browser, 10).until(lambda d: _state(d)["time"] >= target)
    state = _state(browser)
    assert target <= state["time"] < target + 2.5
    assert state["current"] == ["cue-2"]
    browser.execute_script("audio.pause()")


def test_speed_buttons_set_the_rate_and_say_which_is_on(browser, site_url) -> None:
    _open_player(browser, site_url)
    speeds = browser.find_elements(By.CSS_SELECTOR, "button.speed")
    assert all(b.is_displayed() for b in speeds)
    speeds[3].click()
    assert _state(browser)["rate"] == 1.5
    assert [b.get_attribute("aria-pressed") for b in speeds] == ["false", "false", "false", "true"]
    assert "1.5" in browser.find_element(By.ID, "player-status").get_attribute("textContent")
    speeds[0].send_keys(Keys.ENTER)
    assert _state(browser)["rate"] == 0.75
    assert [b.get_attribute("aria-pressed") for b in speeds] == ["true", "false", "false", "false"]


def test_first_tab_reaches_a_visible_skip_link(browser, site_url) -> None:
    _open_player(browser, site_url)
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip-link" and focused.is_displayed()
    assert browser.execute_script("return document.activeElement.getBoundingClientRect().top") >= 0
    focused.send_keys(Keys.ENTER)
    assert browser.execute_script("return document.activeElement.id") == "player"
