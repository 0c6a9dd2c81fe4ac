"""`check`: validate a built output folder against the podcast rules, reporting every problem at once."""
from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import unquote

import feedparser
import lxml.html
from lxml import etree
from mutagen import MutagenError
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from narration.config import Config
from narration.errors import AudioToolError
from narration.audio.ffmpeg import decode
from narration.audio.loudness import integrated_lufs, true_peak_dbtp
from narration.publish.artwork import check_cover
from narration.publish.feed import FEED_NAME, absolute_url
from narration.publish.podcast_ns import CHAPTERS_TYPE, ITUNES_NAMESPACE, NAMESPACE as PODCAST_NAMESPACE, podcast_guid
from narration.publish.site import EPISODE_PAGES
from narration.publish.tags import COVER_TYPES, read_chapters
from narration.publish.transcripts import LINE_CHARS, Caption

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
NS = {"itunes": ITUNES_NAMESPACE, "podcast": PODCAST_NAMESPACE, "atom": ATOM_NAMESPACE}
LOUDNESS_TOLERANCE_LU = 1.0
PEAK_ROUNDING_DB = 0.005  # measurement noise, far below anything audible
DURATION_TOLERANCE_S = 1.0
CUE_END_TOLERANCE_S = 0.5
DESCRIPTION_MAX_BYTES = 4000
REQUIRED_ID3 = {"TIT2": "title", "TPE1": "artist", "TALB": "album", "TRCK": "track", "TDRC": "year",
                "TCON": "genre", "COMM": "comment", "APIC": "cover art"}
EPISODE_TYPES = ("full", "trailer", "bonus")
TRANSCRIPT_SUFFIXES = ("vtt", "srt", "json")
CHAPTERS_VERSION = "1.2"
_TIME = r"(?:(\d{2,}):)?(\d{2}):(\d{2})[.,](\d{3})"
TIMING = re.compile(rf"^{_TIME}\s+-->\s+{_TIME}(?:\s.*)?$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file of the folder (path relative to the folder)."""

    path: str
    message: str


@dataclass(frozen=True)
class Measured:
    """What an episode MP3 holds, read once: decoded length and its ID3 tags."""

    duration_s: float | None
    tags: ID3 | None


@dataclass(frozen=True)
class Levels:
    """What the decoded audio of an MP3 measures."""

    duration_s: float
    lufs: float
    true_peak_dbtp: float


_LEVELS: dict[tuple[str, int], Levels] = {}  # by content hash: a file seen again (a copy, a re-check) is not decoded again


@dataclass(frozen=True)
class Episode:
    """An episode found in the folder or the feed: its slug and its feed item (if the feed lists it)."""

    slug: str
    item: Any  # lxml element of the <item>, or None


def check_folder(directory: Path, config: Config) -> list[str]:
    """Every problem of a built folder as `path: problem` lines (empty when podcast apps will accept it)."""
    directory = Path(directory)
    if not directory.is_dir():
        return [f"{directory}: no such folder; build first or name the output folder"]
    return [f"{directory / p.path}: {p.message}" for p in _problems(directory, config)]


def _problems(root: Path, config: Config) -> list[Problem]:
    problems: list[Problem] = []
    channel = _read_feed(root, problems)
    base = _base(config.show.base_url)
    if channel is not None:
        problems += _channel_problems(root, channel, config, base)
    else:
        problems += _cover_fallback(root)
    episodes = _episodes(root, channel, base, problems)
    for episode in episodes:
        mp3 = f"episodes/{episode.slug}.mp3"
        measured = _check_mp3(root, mp3, config, problems) if (root / mp3).is_file() else Measured(None, None)
        full = _is_full(root, episode, measured)
        if episode.item is not None:
            problems += _item_problems(root, episode, measured, full, base)
        if full:
            problems += _chapter_problems(root, episode.slug, measured)
        problems += _transcript_problems(root, episode.slug, measured.duration_s)
        problems += _page_problems(root, f"{EPISODE_PAGES}/{episode.slug}.html")
    problems += _page_problems(root, "index.html")
    if channel is not None:
        problems += _full_episode_problems(episodes, root, config)
    return problems


# --- feed -------------------------------------------------------------------------------------------

def _read_feed(root: Path, problems: list[Problem]) -> Any:
    """The <channel> of feed.xml, or None (with the reason) when it is missing or not well-formed."""
    path = root / FEED_NAME
    if not path.is_file():
        problems.append(Problem(FEED_NAME, "missing: podcast apps subscribe to this file"))
        return None
    data = path.read_bytes()
    try:
        document = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as err:
        problems.append(Problem(FEED_NAME, f"not well-formed XML: {err}"))
        return None
    parsed = feedparser.parse(data)
    if parsed.bozo:
        problems.append(Problem(FEED_NAME, f"feedparser reports a problem: {parsed.bozo_exception}"))
    channel = document.find("channel")
    if document.tag != "rss" or channel is None:
        problems.append(Problem(FEED_NAME, "not an RSS 2.0 feed (<rss><channel> expected)"))
        return None
    return channel


def _text(element: Any, path: str) -> str:
    found = element.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


def _attr(element: Any, path: str, name: str) -> str:
    found = element.find(path, NS)
    return (found.get(name) or "").strip() if found is not None else ""


def _base(base_url: str) -> str:
    return base_url if base_url.endswith("/") else base_url + "/"


def _local(url: str, base: str) -> str | None:
    """The folder-relative path a published URL points to, or None when it is not under base_url."""
    return unquote(url[len(base):]) if url.startswith(base) and len(url) > len(base) else None


def _channel_problems(root: Path, channel: Any, config: Config, base: str) -> list[Problem]:
    """Channel tags Apple requires or recommends, and the Podcasting 2.0 channel tags."""
    found: list[str] = []
    for tag, name in (("title", "title"), ("description", "description"), ("language", "language"),
                      ("link", "link"), ("itunes:author", "itunes:author")):
        if not _text(channel, tag):
            found.append(f"channel has no {name}")
    if len(_text(channel, "description").encode("utf-8")) > DESCRIPTION_MAX_BYTES:
        found.append(f"channel description is over {DESCRIPTION_MAX_BYTES} bytes")
    category = channel.find("itunes:category", NS)
    sub = category.find("itunes:category", NS) if category is not None else None
    wanted = (config.show.category, config.show.subcategory)
    if category is None or (category.get("text"), sub.get("text") if sub is not None else None) != wanted:
        found.append(f"itunes:category must be “{wanted[0]}” > “{wanted[1]}”")
    if _text(channel, "itunes:explicit") not in ("true", "false"):
        found.append("itunes:explicit must be present as true or false")
    if "@" not in _text(channel, "itunes:owner/itunes:email"):
        found.append("itunes:owner needs an itunes:email")
    if _text(channel, "itunes:type") not in ("episodic", "serial"):
        found.append("itunes:type must be episodic or serial")
    feed_url = absolute_url(config.show.base_url, FEED_NAME)
    selves = [link.get("href") for link in channel.findall("atom:link", NS) if link.get("rel") == "self"]
    if selves != [feed_url]:
        found.append(f"needs one atom:link rel=\"self\" with href {feed_url}")
    if _text(channel, "podcast:guid") != podcast_guid(feed_url):
        found.append(f"podcast:guid must be {podcast_guid(feed_url)} (UUIDv5 of the feed URL)")
    if _text(channel, "podcast:locked") not in ("yes", "no"):
        found.append("podcast:locked must be present as yes or no")
    problems = [Problem(FEED_NAME, message) for message in found]
    image = _attr(channel, "itunes:image", "href")
    cover = _local(image, base)
    if not image.lower().endswith((".png", ".jpg")):
        problems.append(Problem(FEED_NAME, f"itunes:image {image or '(missing)'} must be a URL ending in .png or .jpg"))
    elif cover is None:
        problems.append(Problem(FEED_NAME, f"itunes:image {image} is not under base_url {base}"))
    elif not (root / cover).is_file():
        problems.append(Problem(FEED_NAME, f"itunes:image points to {cover}, which is not in the folder"))
    else:
        problems += [Problem(cover, message) for message in check_cover(root / cover)]
    return problems


def _cover_fallback(root: Path) -> list[Problem]:
    """Without a readable feed, check whatever cover image the folder holds."""
    covers = sorted(p for p in root.glob("cover.*") if p.is_file())
    if not covers:
        return [Problem("cover.png", "missing: no cover image in the folder")]
    return [Problem(p.name, message) for p in covers for message in check_cover(p)]


def _episodes(root: Path, channel: Any, base: str, problems: list[Problem]) -> list[Episode]:
    """Episodes of the feed (in feed order), then MP3 files the feed does not list."""
    episodes: list[Episode] = []
    listed: set[str] = set()
    for number, item in enumerate(channel.findall("item") if channel is not None else [], start=1):
        url = _attr(item, "enclosure", "url")
        relative = _local(url, base)
        if relative is None or not relative.startswith("episodes/") or not relative.endswith(".mp3"):
            problems.append(Problem(FEED_NAME, f"item {number}: enclosure URL {url or '(missing)'} is not an "
                                               f"episodes/*.mp3 under base_url {base}"))
            continue
        slug = relative[len("episodes/"):-len(".mp3")]
        if not (root / relative).is_file():
            problems.append(Problem(FEED_NAME, f"item {number}: enclosure {relative} is not in the folder"))
        listed.add(slug)
        episodes.append(Episode(slug, item))
    for mp3 in sorted((root / "episodes").glob("*.mp3")):
        if mp3.stem not in listed:
            if channel is not None:
                problems.append(Problem(f"episodes/{mp3.name}", "not listed in feed.xml"))
            episodes.append(Episode(mp3.stem, None))
    if not episodes:
        problems.append(Problem("episodes", "no episode MP3 files"))
    return episodes


def _item_problems(root: Path, episode: Episode, measured: Measured, full: bool, base: str) -> list[Problem]:
    """Per-episode feed tags: Apple's required ones, exact enclosure length, duration and Podcasting 2.0 links."""
    item, mp3 = episode.item, f"episodes/{episode.slug}.mp3"
    found: list[str] = []
    for tag in ("title", "guid", "description", "link", "pubDate"):
        if not _text(item, tag):
            found.append(f"no {tag}")
    if len(_text(item, "description").encode("utf-8")) > DESCRIPTION_MAX_BYTES:
        found.append(f"description is over {DESCRIPTION_MAX_BYTES} bytes")
    if _text(item, "pubDate"):
        try:
            parsedate_to_datetime(_text(item, "pubDate"))
        except (TypeError, ValueError):
            found.append(f"pubDate {_text(item, 'pubDate')!r} is not an RFC 822 date")
    link = _local(_text(item, "link"), base)
    if _text(item, "link") and (link is None or not (root / link).is_file()):
        found.append(f"link {_text(item, 'link')} does not point to a page in the folder")
    length, kind = _attr(item, "enclosure", "length"), _attr(item, "enclosure", "type")
    if (root / mp3).is_file() and length != str((root / mp3).stat().st_size):
        found.append(f"enclosure length {length or '(missing)'} differs from the file's {(root / mp3).stat().st_size} bytes")
    if kind != "audio/mpeg":
        found.append(f"enclosure type {kind or '(missing)'} must be audio/mpeg")
    duration = _duration_s(_text(item, "itunes:duration"))
    if duration is None:
        found.append("itunes:duration missing or not a number of seconds")
    elif measured.duration_s is not None and abs(duration - measured.duration_s) > DURATION_TOLERANCE_S:
        found.append(f"itunes:duration {duration:g} s but the audio lasts {measured.duration_s:.1f} s")
    if _text(item, "itunes:episodeType") not in EPISODE_TYPES:
        found.append(f"itunes:episodeType must be one of {', '.join(EPISODE_TYPES)}")
    if not full and not _text(item, "itunes:episode").isdigit():
        found.append("section episode has no itunes:episode number")
    found += _transcript_links(root, item, base)
    chapters = item.find("podcast:chapters", NS)
    if full and chapters is None:
        found.append("full-article episode has no podcast:chapters")
    if chapters is not None:
        target = _local(chapters.get("url") or "", base)
        if target is None or not (root / target).is_file():
            found.append(f"podcast:chapters {chapters.get('url')} does not point to a file in the folder")
        if chapters.get("type") != CHAPTERS_TYPE:
            found.append(f"podcast:chapters type must be {CHAPTERS_TYPE}")
    return [Problem(FEED_NAME, f"item {episode.slug}: {message}") for message in found]


def _transcript_links(root: Path, item: Any, base: str) -> list[str]:
    links = item.findall("podcast:transcript", NS)
    if not links:
        return ["no podcast:transcript"]
    found = []
    for link in links:
        target = _local(link.get("url") or "", base)
        if target is None or not (root / target).is_file():
            found.append(f"podcast:transcript {link.get('url')} does not point to a file in the folder")
    vtt = [link for link in links if link.get("type") == "text/vtt"]
    if not vtt or vtt[0].get("rel") != "captions" or not vtt[0].get("language"):
        found.append('needs a text/vtt podcast:transcript with language and rel="captions"')
    return found


def _duration_s(text: str) -> float | None:
    """itunes:duration as seconds (plain seconds or [HH:]MM:SS)."""
    parts = text.split(":")
    if not text or len(parts) > 3 or not all(p.isdigit() for p in parts):
        return None
    return float(sum(int(p) * 60 ** i for i, p in enumerate(reversed(parts))))


def _full_episode_problems(episodes: Iterable[Episode], root: Path, config: Config) -> list[Problem]:
    """With audio.full_article_episode on, every article (season) of several sections has a chaptered episode."""
    if not config.audio.full_article_episode:
        return []
    seasons: dict[str, list[Episode]] = {}
    for episode in episodes:
        if episode.item is not None:
            seasons.setdefault(_text(episode.item, "itunes:season"), []).append(episode)
    return [Problem(FEED_NAME, f"season {season or '(none)'}: no full-article episode with chapters")
            for season, members in seasons.items()
            if len(members) > 1 and not any((root / "chapters" / f"{e.slug}.json").is_file()
                                            or e.item.find("podcast:chapters", NS) is not None for e in members)]


# --- audio ------------------------------------------------------------------------------------------

def _check_mp3(root: Path, relative: str, config: Config, problems: list[Problem]) -> Measured:
    """Format, tags, loudness and true peak of one episode, decoding it once."""
    path = root / relative
    try:
        mp3 = MP3(path)
    except MutagenError as err:
        problems.append(Problem(relative, f"not a readable MP3: {err}"))
        return Measured(None, None)
    info, audio = mp3.info, config.audio
    found: list[str] = []
    if info.channels != 1:
        found.append(f"has {info.channels} channels: episodes must be mono")
    if info.sample_rate != audio.sample_rate:
        found.append(f"sample rate {info.sample_rate} Hz, configured {audio.sample_rate} Hz")
    if round(info.bitrate / 1000) != int(audio.bitrate.rstrip("k")):
        found.append(f"bitrate {round(info.bitrate / 1000)} kbps, configured {audio.bitrate}")
    found += _tag_problems(mp3.tags)
    duration = None
    try:
        levels = measure_levels(path, info.sample_rate)
    except AudioToolError as err:
        found.append(f"cannot be decoded: {err}")
    else:
        duration = levels.duration_s
        if not abs(levels.lufs - audio.loudness_lufs) <= LOUDNESS_TOLERANCE_LU:
            found.append(f"integrated loudness {levels.lufs:.1f} LUFS, target {audio.loudness_lufs:g} "
                         f"± {LOUDNESS_TOLERANCE_LU:g} LU")
        if levels.true_peak_dbtp > audio.true_peak_dbtp + PEAK_ROUNDING_DB:
            found.append(f"true peak {levels.true_peak_dbtp:.2f} dBTP is above {audio.true_peak_dbtp:g} dBTP")
    problems += [Problem(relative, message) for message in found]
    return Measured(duration, mp3.tags)


def measure_levels(path: Path, rate: int) -> Levels:
    """Decode an MP3 once at its own rate and measure length, integrated loudness and true peak."""
    key = (hashlib.sha256(path.read_bytes()).hexdigest(), rate)
    if key not in _LEVELS:
        audio = decode(path, rate=rate)
        _LEVELS[key] = Levels(audio.duration_s, integrated_lufs(audio), true_peak_dbtp(audio))
    return _LEVELS[key]


def _tag_problems(tags: ID3 | None) -> list[str]:
    if tags is None:
        return ["has no ID3 tags"]
    missing = [name for frame, name in REQUIRED_ID3.items()
               if not any(str(f).strip() or frame == "APIC" for f in tags.getall(frame))]
    found = [f"ID3 tags lack {', '.join(missing)}"] if missing else []
    for picture in tags.getall("APIC"):
        kind = next((mime for magic, mime in COVER_TYPES.items() if picture.data.startswith(magic)), None)
        if kind is None or kind != picture.mime:
            found.append(f"ID3 cover art is {picture.mime!r} but its data is {kind or 'not PNG or JPEG'}")
    return found


def _is_full(root: Path, episode: Episode, measured: Measured) -> bool:
    """A full-article episode shows itself by any of its chapter marks: JSON file, feed link or ID3 CTOC."""
    return ((root / "chapters" / f"{episode.slug}.json").is_file()
            or (episode.item is not None and episode.item.find("podcast:chapters", NS) is not None)
            or (measured.tags is not None and bool(measured.tags.getall("CTOC"))))


def _chapter_problems(root: Path, slug: str, measured: Measured) -> list[Problem]:
    """chapters/<slug>.json is valid Podcasting 2.0 chapters and matches the MP3's CTOC/CHAP frames."""
    relative = f"chapters/{slug}.json"
    try:
        document = json.loads((root / relative).read_text(encoding="utf-8"))
        marks = [(round(c["startTime"] * 1000), round(c["endTime"] * 1000), c["title"]) for c in document["chapters"]]
    except FileNotFoundError:
        return [Problem(relative, "missing: the full-article episode needs its chapters file")]
    except (ValueError, KeyError, TypeError) as err:
        return [Problem(relative, f"not a Podcasting 2.0 chapters file: {err!r}")]
    problems = []
    if not str(document.get("version", "")).startswith(CHAPTERS_VERSION):
        problems.append(Problem(relative, f"version must be {CHAPTERS_VERSION}.x"))
    starts = [start for start, _, _ in marks]
    if not marks or starts != sorted(starts) or not all(title.strip() for _, _, title in marks):
        problems.append(Problem(relative, "chapters must be non-empty, titled and in time order"))
    elif measured.duration_s is not None and marks[-1][1] > measured.duration_s * 1000 + CUE_END_TOLERANCE_S * 1000:
        problems.append(Problem(relative, f"last chapter ends after the audio ({measured.duration_s:.1f} s)"))
    if measured.tags is not None:
        id3 = read_chapters(measured.tags)
        if id3 is None:
            problems.append(Problem(f"episodes/{slug}.mp3", "full-article episode has no top-level ID3 CTOC with CHAP frames"))
        elif id3 != marks:
            problems.append(Problem(f"episodes/{slug}.mp3", f"ID3 chapters {id3} differ from {relative} {marks}"))
    return problems


# --- transcripts ------------------------------------------------------------------------------------

def _transcript_problems(root: Path, slug: str, duration_s: float | None) -> list[Problem]:
    """VTT well-formed, readable line lengths, timed to the audio; SRT and JSON saying the same."""
    paths = {suffix: f"transcripts/{slug}.{suffix}" for suffix in TRANSCRIPT_SUFFIXES}
    problems = [Problem(p, "missing") for p in paths.values() if not (root / p).is_file()]
    if problems and not (root / paths["vtt"]).is_file():
        return problems
    vtt, error = parse_captions((root / paths["vtt"]).read_text(encoding="utf-8-sig"), "vtt")
    if error:
        return [*problems, Problem(paths["vtt"], error)]
    long = [line for c in vtt for line in c.lines if len(line) > LINE_CHARS and " " in line.strip()]
    if long:
        problems.append(Problem(paths["vtt"], f"{len(long)} caption line(s) over {LINE_CHARS} characters, e.g. {long[0]!r}"))
    if duration_s is not None and abs(vtt[-1].end_ms / 1000 - duration_s) > CUE_END_TOLERANCE_S:
        problems.append(Problem(paths["vtt"], f"last cue ends at {vtt[-1].end_ms / 1000:.2f} s but the audio ends at "
                                              f"{duration_s:.2f} s (more than {CUE_END_TOLERANCE_S:g} s apart)"))
    if (root / paths["srt"]).is_file():
        srt, error = parse_captions((root / paths["srt"]).read_text(encoding="utf-8-sig"), "srt")
        if error or srt != vtt:
            problems.append(Problem(paths["srt"], error or "cues differ from the VTT transcript"))
    if (root / paths["json"]).is_file():
        problems += [Problem(paths["json"], m) for m in _json_transcript_problems((root / paths["json"]).read_text("utf-8"), vtt)]
    return problems


def parse_captions(text: str, kind: str) -> tuple[list[Caption], str]:
    """Captions of a WebVTT or SRT file (text unescaped), or the first reason it is malformed."""
    blocks = [b.strip("\n").splitlines() for b in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").strip())]
    if kind == "vtt":
        header = blocks.pop(0) if blocks else [""]
        if not re.match(r"WEBVTT($|[ \t])", header[0]):
            return [], "does not start with the WEBVTT header"
        blocks = [b for b in blocks if not re.match(r"(NOTE|STYLE|REGION)($|[ \t])", b[0])]
    captions: list[Caption] = []
    for block in blocks:
        at = next((i for i, line in enumerate(block[:2]) if "-->" in line), None)
        match = TIMING.match(block[at]) if at is not None else None
        if match is None or (kind == "srt" and not (at == 1 and block[0].strip().isdigit())):
            return [], f"malformed cue near {' / '.join(block[:2])!r}"
        start, end = _ms(match.groups()[:4]), _ms(match.groups()[4:])
        if end < start or (captions and start < captions[-1].start_ms):
            return [], f"cue times out of order at {block[at]!r}"
        lines = tuple(html.unescape(line) if kind == "vtt" else line for line in block[at + 1:])
        captions.append(Caption(start, end, lines))
    if not captions:
        return [], "has no cues"
    return captions, ""


def _ms(groups: tuple[str | None, ...]) -> int:
    hours, minutes, seconds, millis = (int(g or 0) for g in groups)
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def _json_transcript_problems(text: str, vtt: list[Caption]) -> list[str]:
    """The Podcasting 2.0 JSON transcript has the VTT's words, and each sentence starts and ends with a caption."""
    try:
        document = json.loads(text)
        segments = [(round(s["startTime"] * 1000), round(s["endTime"] * 1000), s["body"]) for s in document["segments"]]
    except (ValueError, KeyError, TypeError) as err:
        return [f"not a Podcasting 2.0 JSON transcript: {err!r}"]
    found = []
    if "version" not in document:
        found.append("no version")
    words = " ".join(body for _, _, body in segments).split()
    if words != " ".join(line for c in vtt for line in c.lines).split():
        found.append("text differs from the VTT transcript")
    starts, ends = {c.start_ms for c in vtt}, {c.end_ms for c in vtt}
    if any(start not in starts or end not in ends for start, end, _ in segments):
        found.append("segment times differ from the VTT cue times")
    return found


# --- site -------------------------------------------------------------------------------------------

def _page_problems(root: Path, relative: str) -> list[Problem]:
    """A page of the player site exists and declares its language."""
    path = root / relative
    if not path.is_file():
        return [Problem(relative, "missing")]
    try:
        document = lxml.html.document_fromstring(path.read_bytes())
    except (etree.ParserError, ValueError) as err:
        return [Problem(relative, f"not readable HTML: {err}")]
    if document.tag != "html" or not (document.get("lang") or "").strip():
        return [Problem(relative, "the <html> element has no lang attribute")]
    return []


__all__ = ["check_folder", "measure_levels", "parse_captions", "Levels"]
