"""Language as a property of each article: how it is resolved, the phrase tables that frame its episodes, the feed,
pages, book and hold line that follow it, and the voice that must speak it."""
from __future__ import annotations

import json
import re
import shutil
import string
import zipfile
from pathlib import Path

import feedparser
import pytest

from conftest import FakeEngine, Project, make_project, TEST_TOML
from narration.build.pipeline import build, language_engines, read_articles, voice_settings
from narration.check.folder import check_folder
from narration.config import load_config
from narration.errors import ConfigError, InputError
from narration.phrases import Phrases, available, phrases_for
from narration.publish.page_words import words_for
from narration.publish.holdline.settings import HoldlineSettings
from narration.config import ScriptConfig
from narration.speech.piper_engine import bundled_voice

ROOT = Path(__file__).resolve().parent.parent

# A short patient text written for these tests (not copied from anywhere).
SPANISH = """\
---
title: Cuidar la piel durante la radioterapia
language: es
last_reviewed: 2025-03-03
---
# Cuidar la piel durante la radioterapia

La radioterapia puede irritar la piel de la zona tratada. Los cambios suelen aparecer después de unos días de tratamiento.

## Qué hacer en casa

Lave la piel con agua tibia y un jabón suave. Evite el sol directo sobre la zona tratada. Si algo le preocupa, llame a su equipo de enfermería.
"""
ENGLISH = """\
# Walking after surgery

Short walks help your lungs and your circulation after an operation. Start with a few minutes at a time.

## When to call your care team

Call your care team if you feel short of breath. Call them too if your leg swells or hurts.
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _languages(project: Project, *paths: Path) -> dict[str, str]:
    return {a.slug: a.meta.language for a in read_articles(project.config, paths)}


# --- resolution: config, else front matter, else HTML lang, else the show's language ---


def test_each_source_of_an_article_language_in_its_order(tmp_path: Path) -> None:
    plain = _write(tmp_path, "plain.txt", "Wash your hands often.\nSoap and water work well.\n")
    page = _write(tmp_path, "pagina.html", '<html lang="es-MX"><head><title>Lavado</title></head><body><main>'
                  "<h1>Lavado de manos</h1><p>Lávese las manos con frecuencia. El agua y el jabón funcionan bien."
                  "</p></main></body></html>")
    marked = _write(tmp_path, "marcado.html", '---\nlanguage: es\n---\n<html lang="en"><body><main><h1>Manos</h1>'
                    "<p>Lávese las manos con frecuencia. El jabón funciona bien.</p></main></body></html>")
    configured = _write(tmp_path, "configurado.md", "---\nlanguage: en\n---\n# Manos\n\nLávese las manos a menudo.\n")
    project = make_project(tmp_path / "p", TEST_TOML + '[articles.configurado]\nlanguage = "es"\n'
                                                        '[articles.plain]\nreviewed_by = "Dr. Ada Lane"\n')
    assert _languages(project, plain, page, marked, configured) == {
        "plain": "en-us",  # the show's language (config's show.language)
        "pagina": "es-MX",  # the page's <html lang>
        "marcado": "es",  # front matter over the page's lang
        "configurado": "es",  # the config over front matter
    }


def test_config_metadata_keeps_the_article_own_language(tmp_path: Path) -> None:
    article = _write(tmp_path, "piel.md", SPANISH)
    project = make_project(tmp_path / "p", TEST_TOML + '[articles.piel]\nreviewed_by = "Dra. Ana Ruiz"\n')
    [read] = read_articles(project.config, [article])
    assert (read.meta.language, read.meta.reviewed_by) == ("es", "Dra. Ana Ruiz")


@pytest.mark.parametrize("front, problem", [("language: castellano antiguo", "not a language tag"),
                                            ("language: fr", "no phrase table")])
def test_an_unusable_article_language_is_one_line_naming_the_file(tmp_path: Path, front: str, problem: str) -> None:
    article = _write(tmp_path, "texto.md", f"---\n{front}\n---\n# Texto\n\nUna frase.\n")
    with pytest.raises(InputError) as caught:
        read_articles(make_project(tmp_path / "p").config, [article])
    assert str(caught.value).startswith(str(article)) and problem in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("toml, key", [
    ('[show]\nlanguage = "english"\n', "show.language"),
    ('[show]\nlanguage = "de"\n', "show.language"),
    ('[articles.x]\nlanguage = "es mx"\n', "articles.x.language"),
    ('[languages.zz]\nvoice = "v.onnx"\n', "languages.zz"),
    ('[languages.es]\ntld = "https://google.com.mx"\n', "languages.es.tld"),
    ('[languages.es]\nvoz = "v.onnx"\n', "languages.es.voz"),
])
def test_config_language_settings_are_checked(tmp_path: Path, toml: str, key: str) -> None:
    path = _write(tmp_path, "narration.toml", toml)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert any(p.startswith(key + ":") for p in caught.value.problems), caught.value.problems


# --- phrase tables ---


def _placeholders(value: str | tuple[str, ...]) -> set[str]:
    texts = value if isinstance(value, tuple) else (value,)
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_table_translates_every_phrase_with_the_same_placeholders() -> None:
    assert {"en", "es"} <= set(available())
    english = phrases_for("en")
    for language in available():
        table = phrases_for(language)
        for field in Phrases.__dataclass_fields__:
            if field in ("language", "name"):
                continue
            value = getattr(table, field)
            assert value, f"{language}.toml: {field} is empty"
            assert _placeholders(value) == _placeholders(getattr(english, field)), f"{language}.toml: {field}"
        assert len(table.months) == 12


def test_a_regional_tag_uses_its_language_table() -> None:
    assert phrases_for("es-MX").language == "es" and phrases_for("en-us").language == "en"


def test_config_defaults_are_the_english_table() -> None:
    english = phrases_for("en")
    assert (ScriptConfig().disclaimer, ScriptConfig().short_disclaimer) == (english.disclaimer, english.short_disclaimer)
    assert (HoldlineSettings().greeting, HoldlineSettings().topic_intro) == (english.greeting, english.topic_intro)


def test_no_spoken_phrase_is_left_in_the_code() -> None:
    """Every phrase of the English table that is said (and the book's review lines) lives only there: no module
    spells out one of its fixed stretches."""
    english = phrases_for("en")
    stretches = set()
    spoken = [f for f in Phrases.__dataclass_fields__ if f not in ("language", "name") and not f.endswith(("_note", "_notes"))]
    for field in spoken:
        value = getattr(english, field)
        for text in value if isinstance(value, tuple) else (value,):
            stretches |= {part.strip(" .,:;“”") for part in re.split(r"\{\w+\}", text)}
    stretches = {s for s in stretches if len(s) >= 12}
    assert len(stretches) >= 8
    _nowhere_in_the_code(stretches)


def _nowhere_in_the_code(stretches: set[str]) -> None:
    for module in [*(ROOT / "narration").rglob("*.py"), *(ROOT / "narration" / "data" / "site").glob("*.js")]:
        code = module.read_text(encoding="utf-8")
        found = [s for s in stretches if s in code]
        assert not found, f"{module.relative_to(ROOT)} spells out {found}: use narration.phrases"


def _stretches(text: str) -> set[str]:
    """The fixed pieces of a phrase between its placeholders, without the punctuation around them."""
    return {part.strip(" .,:;()“”«»") for part in re.split(r"\{\w+\}", text)} - {""}


def test_every_table_translates_the_page_wording_with_the_same_placeholders() -> None:
    english = words_for("en")
    assert len(english.texts) >= 60 and len(english.script) >= 8 and english.apps
    for language in available():
        words = words_for(language)
        assert set(words.texts) == set(english.texts), f"{language}.toml [page]"
        for key, text in words.texts.items():
            assert text.strip(), f"{language}.toml: [page] {key} is empty"
            assert _placeholders(text) == _placeholders(english.texts[key]), f"{language}.toml: [page] {key}"
        assert [app for app, _ in words.apps] == [app for app, _ in english.apps]
        assert all(how.strip() for _, how in words.apps)


def test_no_page_wording_is_left_in_the_code() -> None:
    """The pages' and the scripts' wording lives only in the tables: no module or script spells out a piece of it."""
    english = words_for("en")
    texts = [*english.texts.values(), *(how for _, how in english.apps)]
    stretches = {s for text in texts for s in _stretches(text) if len(s) >= 14}  # not "last reviewed" in prose
    assert len(stretches) >= 30
    _nowhere_in_the_code(stretches)


# --- a library in two languages, built with the fake voice ---


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = tmp_path_factory.mktemp("mixed")
    project = make_project(root / "project")
    articles = root / "articles"
    articles.mkdir()
    spanish, english = _write(articles, "piel.md", SPANISH), _write(articles, "walking.md", ENGLISH)
    build(project.config, project.options(english, spanish, holdline=True), engine=FakeEngine())
    return project


def _cues(output: Path, slug: str) -> list[str]:
    data = json.loads((output / "transcripts" / f"{slug}.json").read_text(encoding="utf-8"))
    return [segment["body"] for segment in data["segments"]]


def test_each_language_has_its_own_feed(mixed: Project) -> None:
    output = mixed.root / "output"
    main, spanish = (feedparser.parse((output / name).read_bytes()) for name in ("feed.xml", "feed-es.xml"))
    assert not main.bozo and not spanish.bozo
    assert main.feed.language == "en-us" and spanish.feed.language == "es"
    assert {e.link.rsplit("/", 1)[-1].split("--")[0] for e in main.entries} == {"walking"}
    assert {e.link.rsplit("/", 1)[-1].split("--")[0] for e in spanish.entries} == {"piel"}
    assert spanish.feed.title == "Breast Health Read Aloud (en español)"
    assert [link.href for link in spanish.feed.links if link.rel == "self"] == [
        "https://podcast.example.org/breast-health/feed-es.xml"]
    assert all("Revisión médica" not in e.summary and "generada por computadora" in e.summary for e in spanish.entries)
    assert b'language="es"' in (output / "feed-es.xml").read_bytes()  # the transcripts' language
    assert b'language="es"' not in (output / "feed.xml").read_bytes()


def test_mixed_library_passes_check(mixed: Project) -> None:
    assert check_folder(mixed.root / "output", mixed.config) == []


def test_check_finds_a_feed_in_the_wrong_language(mixed: Project, tmp_path: Path) -> None:
    output = tmp_path / "output"
    shutil.copytree(mixed.root / "output", output)
    feed = output / "feed-es.xml"
    feed.write_bytes(feed.read_bytes().replace(b"<language>es</language>", b"<language>en</language>"))
    problems = check_folder(output, mixed.config)
    assert problems and all(p.startswith(f"{feed}: ") for p in problems)
    assert any("channel language en is not es" in p for p in problems)
    assert any("transcripts are in es" in p for p in problems)


def test_spanish_episodes_are_framed_in_spanish(mixed: Project) -> None:
    output = mixed.root / "output"
    spanish = phrases_for("es")
    first = _cues(output, "piel--01-cuidar-la-piel-durante-la-radioterapia")
    assert first[1] == "Cuidar la piel durante la radioterapia, parte 1 de 2."
    assert first[-2:] == ["Revisado por última vez el 3 de marzo de 2025.", spanish.short_disclaimer]
    second = _cues(output, "piel--02-que-hacer-en-casa")
    assert second[1] == "Cuidar la piel durante la radioterapia, parte 2 de 2: Qué hacer en casa."
    whole = _cues(output, "piel--00-full")
    assert whole[1] == "Cuidar la piel durante la radioterapia: el artículo completo, en 2 partes."
    assert "Parte 1." in whole and "Parte 2: Qué hacer en casa." in whole
    assert "Este artículo se revisó por última vez el 3 de marzo de 2025." in whole
    english = _cues(output, "walking--01-walking-after-surgery")
    assert english[1] == "Walking after surgery, part 1 of 2."
    assert english[-1] == phrases_for("en").short_disclaimer


def test_pages_book_and_hold_line_follow_the_language(mixed: Project) -> None:
    output = mixed.root / "output"
    page = (output / "episodes" / "piel--00-full.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in page
    assert '<link rel="alternate" type="application/rss+xml" hreflang="es" title="Español" href="../feed-es.xml">' in page
    assert '<html lang="en-us">' in (output / "episodes" / "walking--00-full.html").read_text(encoding="utf-8")
    index = (output / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en-us">' in index and 'href="feed-es.xml" hreflang="es" lang="es">Español</a>' in index
    assert re.search(r'<li lang="es">\n<h3><a href="[^"]+">Cuidar la piel', index)  # the article's own words, marked
    with zipfile.ZipFile(output / "books" / "piel.epub") as book:
        assert "<dc:language>es</dc:language>" in book.read("EPUB/package.opf").decode("utf-8")
        text, nav = (book.read(f"EPUB/{name}").decode("utf-8") for name in ("chapter.xhtml", "nav.xhtml"))
    assert '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="es"' in text
    assert "Acerca de esta grabación" in text and "Revisado por última vez el" in text and "Índice" in nav
    manifest = json.loads((output / "holdline" / "manifest.json").read_text(encoding="utf-8"))
    programs = {e["source"]: e["text"] for e in manifest["files"] if e["source"].startswith("hold-program")}
    assert set(programs) == {"hold-program", "hold-program-es"}
    assert programs["hold-program-es"].startswith("Gracias por esperar.")
    assert "A continuación, información sobre cuidar la piel durante la radioterapia." in programs["hold-program-es"]
    assert "Gracias" not in programs["hold-program"] and "Walking" not in programs["hold-program-es"]


def test_a_language_title_names_the_show_in_that_language(tmp_path: Path) -> None:
    article = _write(tmp_path, "piel.md", SPANISH)
    project = make_project(tmp_path / "p", TEST_TOML + '[languages.es]\ntitle = "Salud de la mama, en voz alta"\n')
    build(project.config, project.options(article, holdline=False), engine=FakeEngine())
    output = project.root / "output"
    assert feedparser.parse((output / "feed-es.xml").read_bytes()).feed.title == "Salud de la mama, en voz alta"
    assert _cues(output, "piel--00-full")[0] == "Salud de la mama, en voz alta."
    main = feedparser.parse((output / "feed.xml").read_bytes())
    assert main.feed.title == "Breast Health Read Aloud" and main.entries == []  # no article in the show's language
    assert check_folder(output, project.config) == []


def test_a_changed_config_wording_is_the_show_language_only(tmp_path: Path) -> None:
    from narration.language import phrases

    config = load_config(_write(tmp_path, "narration.toml", '[scripts]\nshort_disclaimer = "Ask your nurse."\n'))
    assert phrases(config, "en-gb").short_disclaimer == "Ask your nurse."
    assert phrases(config, "es").short_disclaimer == phrases_for("es").short_disclaimer
    spanish_show = load_config(_write(tmp_path, "es.toml", '[show]\nlanguage = "es"\n'))
    assert phrases(spanish_show, "es").disclaimer == phrases_for("es").disclaimer  # the English default is not Spanish


# --- voices: gTTS asked for the language, Piper's voice checked against it ---


def test_gtts_speaks_the_article_language_with_its_regional_domain(tmp_path: Path) -> None:
    import responses
    import requests
    from test_gtts import _google_answer, _mp3_tone

    config = load_config(_write(tmp_path, "narration.toml",
                                '[speech]\nengine = "gtts"\n[languages.es]\ntld = "com.mx"\n'))
    engines = language_engines(config)
    with responses.RequestsMock() as mock:
        mock.add(responses.POST, "https://translate.google.com.mx/_/TranslateWebserverUi/data/batchexecute",
                 body=_google_answer(_mp3_tone(0.5)))
        mock.add(responses.POST, "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute",
                 body=_google_answer(_mp3_tone(0.5)))
        engines("es-mx").synthesize("Lave la piel con agua tibia.")
        engines("en-us").synthesize("Wash your skin with warm water.")
        spanish, english = (requests.utils.unquote(call.request.body) for call in mock.calls)
        urls = [call.request.url for call in mock.calls]
    assert urls[0].startswith("https://translate.google.com.mx/") and urls[1].startswith("https://translate.google.com/")
    assert '\\"es\\"' in spanish and '\\"en\\"' in english
    assert engines.fingerprint("es")["lang"] == "es" and engines.fingerprint("es")["tld"] == "com.mx"
    assert "tld" not in engines.fingerprint("en-us")  # the English clips keep their cache keys


def test_gtts_without_the_language_is_a_config_error(tmp_path: Path) -> None:
    config = load_config(_write(tmp_path, "narration.toml", '[speech]\nengine = "gtts"\n'))
    with pytest.raises(ConfigError) as caught:
        language_engines(config)("yo")
    assert "gTTS has no voice for the language 'yo'" in str(caught.value)


def _spanish_voice(folder: Path) -> Path:
    """A Piper voice whose files say Spanish: a copy of the bundled model and a config saying es_ES (the language
    check and the paths are what is tested, not Spanish speech)."""
    model, config = bundled_voice()
    folder.mkdir(parents=True, exist_ok=True)
    voice = folder / "es_ES-prueba-medium.onnx"
    shutil.copyfile(model, voice)
    settings = json.loads(config.read_text(encoding="utf-8"))
    settings["language"] = {"code": "es_ES", "family": "es", "region": "ES", "name_english": "Spanish"}
    settings["espeak"] = {"voice": "es"}
    (folder / "es_ES-prueba-medium.onnx.json").write_text(json.dumps(settings), encoding="utf-8")
    return voice


def test_piper_takes_each_language_voice_from_the_config(tmp_path: Path) -> None:
    voice = _spanish_voice(tmp_path / "voices")
    article = _write(tmp_path, "piel.md", SPANISH)
    project = make_project(tmp_path / "p", TEST_TOML + f'[languages.es]\nvoice = "{voice}"\n')
    assert voice_settings(project.config, "es-mx").voice == str(voice)
    assert voice_settings(project.config, "en-us").voice == ""  # the show's language keeps the bundled voice
    engines = language_engines(project.config)
    engines.check(read_articles(project.config, [article]))
    assert engines("es").fingerprint()["voice"].startswith("es_ES-prueba-medium.onnx:")
    assert engines("en-us").fingerprint()["voice"].startswith("en_US-joe-medium.onnx:")


def test_a_voice_in_another_language_is_refused_before_synthesis(tmp_path: Path) -> None:
    article = _write(tmp_path, "piel.md", SPANISH)
    project = make_project(tmp_path / "p")  # no Spanish voice: the bundled English one would read it
    with pytest.raises(InputError) as caught:
        build(project.config, project.options(article))
    message = str(caught.value)
    assert "\n" not in message and "speaks en_US" in message and str(article) in message
    assert "[languages.es] voice" in message
    assert not (project.root / "cache" / "clips").exists()  # nothing was synthesized
    english = make_project(tmp_path / "q", TEST_TOML + f'[speech]\nvoice = "{_spanish_voice(tmp_path / "v")}"\n')
    with pytest.raises(InputError, match="speaks es_ES, but .* is in 'en-us'"):
        build(english.config, english.options(_write(tmp_path, "walking.md", ENGLISH)))


def test_cli_build_names_the_voice_problem_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from narration.cli import main

    monkeypatch.chdir(tmp_path)
    article = _write(tmp_path, "piel.md", SPANISH)
    assert main(["-q", str(article), "--output", str(tmp_path / "out")]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "[languages.es] voice" in err[0]
    assert not (tmp_path / "out").exists()


def test_voices_command_lists_each_language_voice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from narration.cli import main

    voice = _spanish_voice(tmp_path / "voces")
    config = _write(tmp_path, "narration.toml", '[languages.es]\nvoice = "voces/es_ES-prueba-medium.onnx"\n')
    assert main(["voices", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert "es_ES-prueba-medium  ([languages.es] voice, the build's voice for es)" in out
    assert "    es_ES (Spanish)" in out and str(voice) in out


def test_each_job_is_spoken_by_its_language_engine(tmp_path: Path) -> None:
    """The same words in two languages are two clips, one from each voice; a listener hears of them once both exist."""
    from narration.cache.clips import ClipCache, clip_key
    from narration.speech.synthesize import Job, synthesize_missing

    english, spanish = FakeEngine(version="en"), FakeEngine(version="es")
    heard: list[str] = []

    class Listener:
        def starting(self, texts: list[str]) -> None:
            heard.extend(f"coming {t}" for t in texts)

        def spoken(self, text: str) -> None:
            heard.append(f"spoken {text}")

    cache = ClipCache(tmp_path)
    jobs = [Job("Radioterapia.", "en", english), Job("Radioterapia.", "es", spanish), Job("Hola.", "es", spanish)]
    stats = synthesize_missing(jobs, english, cache, 10.0, listener=Listener())
    assert (english.calls, spanish.calls, stats.misses) == (["Radioterapia."], ["Radioterapia.", "Hola."], 3)
    assert [h for h in heard if h.startswith("spoken")] == ["spoken Radioterapia.", "spoken Hola."]  # once, when both exist
    assert all(cache.get(clip_key("Radioterapia.", e.fingerprint())) is not None for e in (english, spanish))


def test_an_output_holding_a_language_voice_is_refused(tmp_path: Path) -> None:
    from narration.errors import OutputError

    root = tmp_path / "p"
    root.mkdir()
    project = make_project(root, TEST_TOML + '[languages.es]\nvoice = "salida/voces/es.onnx"\n')
    with pytest.raises(OutputError, match="contains the es voice"):
        build(project.config, project.options(output=root / "salida"), engine=FakeEngine())


def test_the_spanish_book_passes_epubcheck(mixed: Project) -> None:
    from test_epub import epubcheck

    assert epubcheck(mixed.root / "output" / "books" / "piel.epub") == []


def test_a_gtts_build_asks_for_each_article_language(tmp_path: Path) -> None:
    """The whole build through gTTS's own code (HTTP faked): every Spanish sentence is asked for in Spanish from the
    Mexican domain, every English one in English from the default domain."""
    import responses
    from urllib.parse import parse_qs
    from test_gtts import _google_answer, _mp3_tone

    answer = _google_answer(_mp3_tone(0.3))
    asked: list[tuple[str, str, str]] = []  # (host, language, text)

    def reply(request):  # type: ignore[no-untyped-def]
        outer = json.loads(parse_qs(request.body)["f.req"][0])
        text, language = json.loads(outer[0][0][1])[:2]
        asked.append((request.url.split("/")[2], language, text))
        return 200, {}, answer

    articles = tmp_path / "articles"
    articles.mkdir()
    spanish, english = _write(articles, "piel.md", SPANISH), _write(articles, "walking.md", ENGLISH)
    project = make_project(tmp_path / "p", TEST_TOML + '[speech]\nengine = "gtts"\n[languages.es]\ntld = "com.mx"\n')
    with responses.RequestsMock() as mock:
        for host in ("translate.google.com", "translate.google.com.mx"):
            mock.add_callback(responses.POST, f"https://{host}/_/TranslateWebserverUi/data/batchexecute", reply)
        build(project.config, project.options(english, spanish, holdline=False))
    by_language = {language: {host for host, said, _ in asked if said == language} for _, language, _ in asked}
    assert by_language == {"en": {"translate.google.com"}, "es": {"translate.google.com.mx"}}
    said = {text: language for _, language, text in asked}
    assert said["Lave la piel con agua tibia y un jabón suave."] == "es"
    assert said["Cuidar la piel durante la radioterapia, parte 1 de 2."] == "es"  # the framing too
    assert said["Walking after surgery, part 1 of 2."] == "en"
    assert said["Call your care team if you feel short of breath."] == "en"


def test_listening_hears_only_the_languages_the_recognizer_has_a_model_for(mixed: Project) -> None:
    from narration.cache.clips import ClipCache
    from narration.check.listen import utterances

    output = mixed.root / "output"
    spanish = {p.stem for p in (output / "transcripts").glob("*.json") if p.stem.startswith("piel--")}
    not_heard: dict[str, int] = {}
    found, missing = utterances(output, ClipCache(mixed.root / "cache"), FakeEngine().fingerprint(), not_heard)
    assert spanish and not_heard == {"es": len(spanish)}
    heard = {u.episode for u in [*found, *missing]}
    assert heard and all(slug.startswith("walking--") for slug in heard)
    assert not missing  # the English clips are all found under the English voice's keys


def test_each_article_feed_is_in_its_article_language(mixed: Project) -> None:
    output = mixed.root / "output"
    languages = {slug: feedparser.parse((output / "articles" / slug / "feed.xml").read_bytes()).feed.language
                 for slug in ("piel", "walking")}
    assert languages["piel"] == "es" and languages["walking"].startswith("en")


# --- the web pages' own wording follows the page's language ---


def _english_ui(page_language: str) -> set[str]:
    """The English table's fixed pieces that the page's table words otherwise (what must not be left in its page)."""
    english, words = words_for("en"), words_for(page_language)
    pairs = [(english.texts[key], words.texts[key]) for key in english.texts]
    pairs += [(how, theirs) for (_, how), (_, theirs) in zip(english.apps, words.apps)]
    return {s for text, theirs in pairs if text != theirs for s in _stretches(text) - _stretches(theirs) if len(s) >= 2}


def _own_words(element) -> str:
    """An element's text and attribute values, leaving out the parts marked as another language (the show's title,
    the other languages' feeds, a neighbour in another language)."""
    for other in element.xpath(".//*[@lang and not(starts-with(@lang, 'es'))]"):
        other.drop_tree()
    attributes = " ".join(v for v in element.xpath(".//@*") if not v.startswith(("http", "../", "#")))
    return re.sub(r"\{\w+\}", " ", element.text_content() + " " + attributes)  # not the messages' {names}


def _accessible_name(doc, element) -> str:
    if element.get("aria-label"):
        return element.get("aria-label")
    if element.get("aria-labelledby"):
        return " ".join(doc.get_element_by_id(i).text_content() for i in element.get("aria-labelledby").split())
    labels = doc.xpath(f"//label[@for='{element.get('id')}']") if element.get("id") else []
    source = labels[0] if labels else element
    return " ".join(t for t in source.xpath(".//text()[not(ancestor::*[@aria-hidden='true'])]")).strip()


def test_a_spanish_episode_page_has_no_english_controls(mixed: Project) -> None:
    import lxml.html

    doc = lxml.html.fromstring((mixed.root / "output" / "episodes" / "piel--00-full.html").read_bytes())
    spanish = words_for("es")
    names = {el.get("id") or el.get("data-rate") or el.tag: _accessible_name(doc, el)
             for el in doc.xpath("//button | //input | //audio | //a | //nav | //*[@role='group']")}
    assert names["play"] == spanish("play") and names["native"] == spanish("native_show")
    assert (names["back"], names["forward"]) == (spanish("back", seconds=15), spanish("forward", seconds=30))
    assert names["position"] == spanish("position") and names["audio"] == spanish("audio_of", title=spanish("whole_article"))
    assert names["nav"] == spanish("episodes_nav") and names["feed-url"] == spanish("feed_address")
    assert all(names.values()), names
    [block] = doc.xpath("//script[@type='application/json']")
    assert json.loads(block.text) == {key: spanish.texts[key] for key in spanish.script}  # the player's messages

    marked = {" ".join(m.text_content().split()) for m in doc.xpath("//body//*[@lang='en-us']")}
    assert marked >= {"Breast Health Read Aloud", "English"}  # the show's title, the English feed: marked as such
    [body] = doc.xpath("//body")
    text = _own_words(body)
    found = sorted(s for s in _english_ui("es") if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text))
    assert not found, found
    assert len(_english_ui("es")) >= 60  # the check has something to find
    same = {key for key, text in spanish.texts.items() if text == words_for("en").texts[key]}
    assert same <= {"json", "normal"}, same  # the same word in both languages, else an untranslated text


def test_an_english_page_has_no_spanish_controls_and_the_index_marks_each_article(mixed: Project) -> None:
    import lxml.html

    output = mixed.root / "output"
    page = lxml.html.fromstring((output / "episodes" / "walking--00-full.html").read_bytes())
    spanish = {s for key, text in words_for("es").texts.items() if text != words_for("en").texts[key]
               for s in _stretches(text) if len(s) >= 4}  # the Spanish table's own pieces
    assert not [s for s in spanish if s in page.xpath("string(//main)")]
    index = lxml.html.fromstring((output / "index.html").read_bytes())  # a library: one entry per article
    [es_article] = index.xpath("//ul[@class='articles']/li[@lang='es']")
    assert es_article.xpath("string(.//h3)").startswith("Cuidar la piel")
    links = [" ".join(a.text_content().split()) for a in es_article.xpath(".//ul[@class='links']//a")]
    assert links[-1] == words_for("es")("article_feed_link") and "episodio" in es_article.xpath("string(.//p)")
    [en_article] = index.xpath("//ul[@class='articles']/li[h3[starts-with(., 'Walking')]]")
    assert en_article.get("lang") is None  # in the page's language, not marked
    assert " ".join(en_article.xpath("string(.//ul[@class='links']/li[last()])").split()) == words_for("en")("article_feed_link")
    article_page = lxml.html.fromstring((output / "articles" / "piel" / "index.html").read_bytes())
    assert article_page.get("lang") == "es"
    assert article_page.xpath("string(//h2[@id='episodes-heading'])") == words_for("es")("episodes_heading")
