"""The web player in real headless Chromium: keyboard-only operation, the remembered position, the highlight
following playback, the display settings, axe-core and pa11y, and the layout at 100 %, 200 % and 400 % zoom.

One site (the sample built with the fake voice) is built and served for the whole module. Needs Debian's
chromium and chromium-driver, the `selenium` package, and axe-core and pa11y from npm
(`npm ci --prefix tests/browser`); each test skips with the reason when its part is missing.
Screenshots go to $NARRATION_SCREENSHOTS when set (look at them; they are not committed), else a temporary folder.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import FIXTURES, FakeEngine, make_project
from narration.build.pipeline import SAMPLE, build
from narration.publish.page_words import words_for
from narration.serve import make_server

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed: pip install selenium")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
NODE_MODULES = Path(__file__).parent / "browser" / "node_modules"
AXE = Path(os.environ.get("AXE_CORE_JS") or NODE_MODULES / "axe-core/axe.min.js")
PA11Y = NODE_MODULES / "pa11y/bin/pa11y.js"
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--autoplay-policy=no-user-gesture-required", "--mute-audio", "--window-size=1280,900",
)
ARTICLE = "breast-calcifications"
SECTION = f"episodes/{ARTICLE}--04-what-is-the-relationship-between-breast-calcifications-and.html"
FULL = f"episodes/{ARTICLE}--00-full.html"
TABLES = "episodes/metformin-safely--00-full.html"  # a web page with two tables and lists, shown as written
ARTICLE_PAGE = f"articles/{ARTICLE}/index.html"  # the article's own page (its episodes, book and feed)
PAGES = ("index.html", SECTION, FULL, TABLES, ARTICLE_PAGE)

pytestmark = [
    pytest.mark.skipif(not CHROMIUM, reason="Chromium is not installed (apt-get install chromium)"),
    pytest.mark.skipif(not CHROMEDRIVER, reason="chromedriver is not installed (apt-get install chromium-driver)"),
]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample, a web page with tables and a third article (a library: the index lists articles), built with
    the fake voice and served by our own preview server on a free loopback port."""
    yield from _built_and_served(tmp_path_factory, SAMPLE, FIXTURES / "web" / "metformin-safely.html",
                                 FIXTURES / "second-article.md")


@pytest.fixture(scope="module")
def spanish_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A library in two languages (a Spanish article in the English show, and an English one), served likewise."""
    yield from _built_and_served(tmp_path_factory, FIXTURES / "es" / "mamografia.md",
                                 FIXTURES / "web" / "metformin-safely.html")


def _built_and_served(tmp_path_factory: pytest.TempPathFactory, *articles: Path) -> Iterator[str]:
    project = make_project(tmp_path_factory.mktemp("site") / "project")
    build(project.config, project.options(*articles, holdline=False), engine=FakeEngine())
    server = make_server(project.root / "output", port=0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield f"http://{host}:{port}"
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


@pytest.fixture
def page(browser, site_url):
    """Open a page with a clean slate: nothing remembered, no emulated media, the normal viewport."""
    def open_page(path: str = SECTION, media: dict[str, str] | None = None):
        browser.get(f"{site_url}/index.html")
        browser.execute_script("localStorage.clear()")
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "features": [{"name": k, "value": v} for k, v in (media or {}).items()]})
        browser.get(f"{site_url}/{path}")
        if path.startswith("episodes/"):
            _wait(browser, "return audio.readyState >= 1")
        return browser

    yield open_page
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    browser.execute_script("localStorage.clear(); const a = document.getElementById('audio'); if (a) a.pause();")


def _wait(browser, script: str, timeout: float = 40):
    return WebDriverWait(browser, timeout).until(lambda d: d.execute_script(script))


def _state(browser) -> dict:
    """Where the audio is and which sentence the page marks as current."""
    return browser.execute_script(
        "const current = document.querySelectorAll('[aria-current]');"
        "return {time: audio.currentTime, paused: audio.paused, rate: audio.playbackRate, controls: audio.controls,"
        " current: Array.from(current).map(e => e.id), status: document.getElementById('player-status').textContent};"
    )


def _tab_to(browser, css: str, limit: int = 200):
    """Press Tab until the element matching css has the focus (from wherever the focus is); fail if never."""
    target = browser.find_element(By.CSS_SELECTOR, css)
    for _ in range(limit):
        if browser.switch_to.active_element == target:
            style = browser.execute_script(
                "const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth];")
            assert style[0] != "none" and float(style[1].rstrip("px")) >= 2, f"{css}: focus not visible {style}"
            return target
        browser.switch_to.active_element.send_keys(Keys.TAB)
    raise AssertionError(f"Tab never reached {css}")


def _key(browser, key: str) -> None:
    browser.switch_to.active_element.send_keys(key)


def test_first_tab_reaches_a_visible_skip_link(page) -> None:
    browser = page()
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip-link" and focused.is_displayed()
    assert browser.execute_script("return document.activeElement.getBoundingClientRect().top") >= 0
    focused.send_keys(Keys.ENTER)
    assert browser.execute_script("return document.activeElement.id") == "player"


def test_every_player_control_works_from_the_keyboard(page) -> None:
    browser = page()
    assert _state(browser)["controls"] is False  # the large controls replace the native ones...
    assert browser.find_element(By.ID, "controls").is_displayed()

    _tab_to(browser, "#play")
    _key(browser, Keys.ENTER)
    _wait(browser, "return !audio.paused")
    # the label follows the media element's own 'play' and 'pause' events, a moment after its state
    _wait(browser, "return document.querySelector('#play .label').textContent === 'Pause'")
    _key(browser, Keys.SPACE)
    _wait(browser, "return audio.paused")
    _wait(browser, "return document.querySelector('#play .label').textContent === 'Play'")

    _tab_to(browser, "#forward")
    before = _state(browser)["time"]
    _key(browser, Keys.ENTER)
    assert _state(browser)["time"] == pytest.approx(before + 30, abs=0.5)
    assert "Forward 30 seconds" in _state(browser)["status"]

    slider = _tab_to(browser, "#position")
    at = _state(browser)["time"]
    slider.send_keys(Keys.ARROW_RIGHT)  # the slider's own keys: 5 s a step
    assert _state(browser)["time"] == pytest.approx(at + 5, abs=1)
    assert "of" in slider.get_attribute("aria-valuetext")

    fastest = _tab_to(browser, "button.speed[data-rate='1.5']")
    _key(browser, Keys.ENTER)
    assert _state(browser)["rate"] == 1.5 and fastest.get_attribute("aria-pressed") == "true"

    _tab_to(browser, "#native")
    _key(browser, Keys.ENTER)
    assert _state(browser)["controls"] is True  # ...and stay one button away
    assert browser.switch_to.active_element.get_attribute("aria-expanded") == "true"

    sentence = _tab_to(browser, ".cue[data-start]:nth-of-type(2)")
    assert sentence.get_attribute("role") == "button"
    _key(browser, Keys.ENTER)
    start = int(sentence.get_attribute("data-start")) / 1000
    _wait(browser, f"return !audio.paused && audio.currentTime >= {start}")
    assert _state(browser)["current"] == [sentence.get_attribute("id")]


def test_back_button_from_the_keyboard(page) -> None:
    browser = page()
    browser.execute_script("audio.currentTime = 40")
    _tab_to(browser, "#back")
    _key(browser, Keys.SPACE)
    assert _state(browser)["time"] == pytest.approx(25, abs=0.5)


def test_shortcuts_work_anywhere_but_in_fields(page) -> None:
    browser = page()
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.SPACE)
    _wait(browser, "return !audio.paused")
    body.send_keys("k")
    _wait(browser, "return audio.paused")
    at = _state(browser)["time"]
    body.send_keys(Keys.ARROW_RIGHT)
    assert _state(browser)["time"] == pytest.approx(at + 30, abs=0.5)
    body.send_keys(Keys.ARROW_LEFT)
    assert _state(browser)["time"] == pytest.approx(at + 15, abs=0.5)
    body.send_keys("+")
    assert _state(browser)["rate"] == 1.25
    body.send_keys("-")
    body.send_keys("-")
    assert _state(browser)["rate"] == 0.75
    field = browser.find_element(By.ID, "feed-url")
    field.send_keys(Keys.ARROW_LEFT)  # a text field keeps its keys
    assert _state(browser)["time"] == pytest.approx(at + 15, abs=0.5)
    listed = browser.find_elements(By.CSS_SELECTOR, ".shortcuts dt")
    assert [e.text for e in listed][:3] == ["Space or K", "Left arrow or J", "Right arrow or L"]
    assert all(e.is_displayed() for e in listed)


def test_position_is_remembered_per_episode_and_announced(page) -> None:
    browser = page()
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)  # 30 s in
    _wait(browser, "return audio.currentTime >= 29")
    browser.refresh()
    _wait(browser, "return audio.readyState >= 1 && audio.currentTime > 0")
    state = _state(browser)
    assert state["time"] == pytest.approx(30, abs=1.5)
    assert "Continuing where you stopped" in state["status"]
    assert browser.find_element(By.ID, "player-status").get_attribute("role") == "status"  # polite live region
    browser.get(browser.current_url.replace(SECTION, FULL))  # another episode starts at its beginning
    _wait(browser, "return audio.readyState >= 1")
    assert _state(browser)["time"] == 0 and _state(browser)["status"] == ""


def test_highlight_follows_playback_and_the_sentence_stays_in_view(page) -> None:
    browser = page(FULL, {"prefers-reduced-motion": "reduce"})
    browser.execute_script("audio.playbackRate = 1.5")
    browser.find_element(By.ID, "play").send_keys(Keys.ENTER)
    seen: list[str] = []

    def advanced(driver) -> bool:
        state = _state(driver)
        if state["current"] and state["current"] != seen[-1:]:
            seen.extend(state["current"])
        return len(seen) >= 4

    WebDriverWait(browser, 60).until(advanced)  # a bound, not a timing: a loaded machine plays slower
    indices = [int(i.split("-")[1]) for i in seen]
    assert indices == sorted(indices) and len(set(indices)) >= 4
    current = browser.find_element(By.CSS_SELECTOR, "[aria-current='true']")
    start, end = (int(current.get_attribute(a)) / 1000 for a in ("data-start", "data-end"))
    assert start - 0.1 <= _state(browser)["time"] <= end + 1.5  # a pause after a sentence keeps it current
    marked, plain = browser.execute_script(
        "const c = document.querySelector('[aria-current]'); const o = document.querySelector('.cue:not([aria-current])');"
        "return [getComputedStyle(c).backgroundColor, getComputedStyle(o).backgroundColor];")
    assert marked != plain  # visibly marked

    # Far into the article the page has scrolled to keep the sentence in view...
    late = browser.execute_script("return document.querySelectorAll('.cue').length") - 8
    browser.execute_script(f"document.querySelectorAll('.cue')[{late}].click()")
    _wait(browser, "const r = document.querySelector('[aria-current]').getBoundingClientRect();"
                   " return window.scrollY > 0 && r.top >= 0 && r.bottom <= innerHeight;")
    # ...until the listener scrolls away: then it stays put and offers the way back.
    browser.execute_script("window.scrollTo(0, 0)")
    follow = browser.find_element(By.ID, "follow")
    WebDriverWait(browser, 5).until(lambda d: follow.is_displayed())
    current_id = _state(browser)["current"]
    WebDriverWait(browser, 60).until(lambda d: _state(d)["current"] != current_id)  # a bound: a loaded machine plays slower
    assert browser.execute_script("return window.scrollY") == 0
    follow.send_keys(Keys.ENTER)
    _wait(browser, "const r = document.querySelector('[aria-current]').getBoundingClientRect();"
                   " return r.top >= 0 && r.bottom <= innerHeight;", timeout=5)
    assert not follow.is_displayed()


def test_display_settings_persist_and_work_from_the_keyboard(page) -> None:
    browser = page("index.html")
    summary = _tab_to(browser, "#display summary")
    _key(browser, Keys.ENTER)
    size = _tab_to(browser, "button[data-text-size='largest']")
    before = browser.execute_script("return parseFloat(getComputedStyle(document.documentElement).fontSize)")
    _key(browser, Keys.ENTER)
    after = browser.execute_script("return parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert after >= 1.5 * before and size.get_attribute("aria-pressed") == "true"
    _tab_to(browser, "button[data-theme='contrast']")
    _key(browser, Keys.SPACE)
    browser.get(browser.current_url.replace("index.html", SECTION))  # another page remembers both
    root = browser.find_element(By.TAG_NAME, "html")
    assert root.get_attribute("data-theme") == "contrast" and root.get_attribute("data-text-size") == "largest"
    assert browser.execute_script("return getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    assert browser.find_element(By.CSS_SELECTOR, "button[data-theme='contrast']").get_attribute("aria-pressed") == "true"
    assert summary is not None


def test_feed_address_copy_button(page) -> None:
    browser = page("index.html")
    browser.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": browser.current_url.split("/index.html")[0], "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    _tab_to(browser, "#copy-feed")
    _key(browser, Keys.ENTER)
    address = browser.find_element(By.ID, "feed-url").get_attribute("value")
    assert address == "https://podcast.example.org/breast-health/feed.xml"
    _wait(browser, "return document.getElementById('copy-status').textContent.length > 0", timeout=5)
    assert browser.find_element(By.ID, "copy-status").text == f"Copied: {address}"
    copied = browser.execute_async_script(
        "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('error: ' + e));")
    assert copied == address


def test_without_javascript_the_native_player_is_there(browser, site_url) -> None:
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(f"{site_url}/{SECTION}")
        audio = browser.find_element(By.ID, "audio")
        assert audio.is_displayed() and audio.get_attribute("controls") is not None
        assert not browser.find_element(By.ID, "controls").is_displayed()
        assert browser.find_elements(By.CSS_SELECTOR, ".transcript p")
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_a_table_row_is_highlighted_while_its_sentence_is_read(page) -> None:
    browser = page(TABLES)
    row = browser.find_element(By.XPATH, "//table[thead]/tbody/tr[2]")
    cue = row.find_element(By.CSS_SELECTOR, "th[scope='row'] .cue")
    _tab_to(browser, f"#{cue.get_attribute('id')}")  # each row is a play-from-here control, reached by Tab
    _key(browser, Keys.ENTER)
    _wait(browser, f"return document.querySelector('[aria-current]')?.id === '{cue.get_attribute('id')}'", timeout=5)
    start = int(cue.get_attribute("data-start")) / 1000
    assert abs(_state(browser)["time"] - start) < 0.5
    cells = browser.execute_script(
        "return Array.from(arguments[0].children, c => getComputedStyle(c).backgroundColor)", row)
    other = browser.execute_script(
        "return getComputedStyle(document.querySelector('table:has(thead) tbody tr:first-child td')).backgroundColor")
    assert len(set(cells)) == 1 and cells[0] != other  # the whole row, not only its first cell


@pytest.mark.parametrize("zoom", [1, 2, 4])
@pytest.mark.parametrize("path", [SECTION, TABLES, "index.html", ARTICLE_PAGE])
def test_layout_at_zoom(page, tmp_path_factory: pytest.TempPathFactory, path: str, zoom: int) -> None:
    """Zoom as the browser does it: the page gets 1/zoom of the width in CSS px. Nothing may need sideways
    scrolling, and the play button stays at least 64 CSS px. Screenshots are kept to be looked at."""
    browser = page(path)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 1280 // zoom, "height": 900 // zoom, "deviceScaleFactor": zoom, "mobile": False})
    assert browser.execute_script("return document.documentElement.scrollWidth <= innerWidth")
    if path.startswith("episodes/"):
        width, height = browser.execute_script("const r = play.getBoundingClientRect(); return [r.width, r.height]")
        assert width >= 64 and height >= 64
        assert browser.execute_script("return parseFloat(getComputedStyle(elapsed).fontSize)") >= 32
    folder = Path(os.environ.get("NARRATION_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    shot = browser.execute_cdp_cmd("Page.captureScreenshot", {"captureBeyondViewport": True, "format": "png"})
    (folder / f"{Path(path).stem[-30:]}-{zoom * 100}.png").write_bytes(base64.b64decode(shot["data"]))


THEMES = {"light": ({}, None), "dark": ({"prefers-color-scheme": "dark"}, None), "contrast": ({}, "contrast"),
          "forced-colors": ({"forced-colors": "active"}, None)}


@pytest.mark.skipif(not AXE.is_file(), reason=f"axe-core is not installed ({AXE}): npm ci --prefix tests/browser")
@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violations(page, path: str, theme: str) -> None:
    """Every colour scheme, with a sentence highlighted, the large controls shown and a status message."""
    media, chosen = THEMES[theme]
    browser = page(path, media)
    if chosen:
        browser.execute_script(f"localStorage.setItem('narration:theme', '{chosen}')")
        browser.refresh()
    if path.startswith("episodes/"):
        _wait(browser, "return audio.readyState >= 1")
        browser.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)
        _wait(browser, "return document.querySelector('[aria-current]') !== null")
    _axe_finds_nothing(browser)


def _axe_finds_nothing(browser) -> None:
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


SPANISH = "episodes/mamografia--00-full.html"


def _open_spanish(browser, spanish_url: str, path: str = SPANISH):
    browser.get(f"{spanish_url}/index.html")
    browser.execute_script("localStorage.clear()")
    browser.get(f"{spanish_url}/{path}")
    if path != "index.html":
        _wait(browser, "return audio.readyState >= 1")
    return browser


def test_a_spanish_page_speaks_spanish_while_playing(browser, spanish_url: str) -> None:
    """The player's own words, in the live region and on its buttons, are the Spanish table's."""
    words = words_for("es")
    page = _open_spanish(browser, spanish_url)
    assert page.find_element(By.TAG_NAME, "html").get_attribute("lang") == "es"
    page.find_element(By.ID, "play").send_keys(Keys.ENTER)
    _wait(page, "return !audio.paused")
    _wait(page, f"return document.querySelector('#play .label').textContent === {json.dumps(words('pause'))}")
    page.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)
    status = _state(page)["status"]
    fixed = words.texts["moved_forward"].split("{time}")[0].format(seconds=30)  # "Adelante 30 segundos, en "
    assert status.startswith(fixed) and status.endswith(".") and not audio_paused(page)
    page.find_element(By.TAG_NAME, "body").send_keys("+")
    assert _state(page)["status"] == words("rate", rate="1" + words("decimal") + "25")
    of = words.texts["position_text"].format(elapsed="", total="")  # " de "
    assert of in page.find_element(By.ID, "position").get_attribute("aria-valuetext")
    page.find_element(By.ID, "native").send_keys(Keys.ENTER)
    assert page.find_element(By.ID, "native").text == words("native_hide")
    page.execute_script("audio.pause()")
    page.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": spanish_url, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    page.find_element(By.ID, "copy-feed").send_keys(Keys.ENTER)
    _wait(page, "return document.getElementById('copy-status').textContent.length > 0", timeout=5)
    address = page.find_element(By.ID, "feed-url").get_attribute("value")
    assert address.endswith("/feed-es.xml")  # a Spanish page offers the Spanish feed
    assert page.find_element(By.ID, "copy-status").text == words("copied", address=address)


def audio_paused(browser) -> bool:
    return browser.execute_script("return audio.paused")


@pytest.mark.skipif(not AXE.is_file(), reason=f"axe-core is not installed ({AXE}): npm ci --prefix tests/browser")
@pytest.mark.parametrize("path", [SPANISH, "index.html"])
def test_axe_finds_no_violations_in_a_two_language_library(browser, spanish_url: str, path: str) -> None:
    """A Spanish page, playing with a status message, and the English index that lists a Spanish article."""
    page = _open_spanish(browser, spanish_url, path)
    if path != "index.html":
        page.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)
        _wait(page, "return document.querySelector('[aria-current]') !== null")
        assert _state(page)["status"]
    _axe_finds_nothing(page)
    page.execute_script("const a = document.getElementById('audio'); if (a) a.pause();")


def _pa11y_config(folder: Path) -> Path:
    """pa11y's settings: Debian's Chromium, WCAG 2 AA through HTML_CodeSniffer."""
    config = folder / "pa11y.json"
    config.write_text(json.dumps({
        "chromeLaunchConfig": {"executablePath": CHROMIUM, "args": list(FLAGS)},
        "standard": "WCAG2AA", "runners": ["htmlcs"], "timeout": 60000,
    }), encoding="utf-8")
    return config


@pytest.mark.skipif(not PA11Y.is_file(), reason=f"pa11y is not installed ({PA11Y}): npm ci --prefix tests/browser")
@pytest.mark.skipif(not shutil.which("node"), reason="Node.js is not installed")
def test_pa11y_finds_no_issues(site_url: str, tmp_path: Path) -> None:
    """A second checker (HTML_CodeSniffer, WCAG 2 AA) on every kind of page, in Debian's Chromium."""
    config = _pa11y_config(tmp_path)
    for path in PAGES:
        _pa11y_finds_nothing(config, site_url, path)


def _pa11y_finds_nothing(config: Path, site_url: str, path: str) -> None:
    run = subprocess.run(["node", str(PA11Y), "--config", str(config), "--reporter", "json", f"{site_url}/{path}"],
                         capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1", "PUPPETEER_EXECUTABLE_PATH": CHROMIUM})
    assert run.returncode in (0, 2), run.stderr  # 2: issues found, reported below
    issues = [(i["code"], i["message"], i["selector"]) for i in json.loads(run.stdout or "[]")]
    assert issues == [], f"{path}: {json.dumps(issues, indent=1)}"


@pytest.mark.skipif(not PA11Y.is_file(), reason=f"pa11y is not installed ({PA11Y}): npm ci --prefix tests/browser")
@pytest.mark.skipif(not shutil.which("node"), reason="Node.js is not installed")
def test_pa11y_finds_no_issues_in_a_two_language_library(spanish_url: str, tmp_path: Path) -> None:
    config = _pa11y_config(tmp_path)
    for path in (SPANISH, "index.html"):
        _pa11y_finds_nothing(config, spanish_url, path)
