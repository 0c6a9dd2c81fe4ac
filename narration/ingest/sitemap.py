"""The pages a website lists: the items of its RSS or Atom feed (feedparser), or the <loc>s of its sitemap."""
from __future__ import annotations

from urllib.parse import urljoin

from narration.errors import InputError
from narration.ingest.fetch import is_url

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def linked(url: str, raw: bytes) -> tuple[list[str], list[str]]:
    """(pages, sitemaps) a feed or sitemap at `url` names, in its order; a sitemap index names only sitemaps."""
    import lxml.etree

    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = lxml.etree.fromstring(raw, parser)
    except lxml.etree.XMLSyntaxError as err:
        raise InputError(url, f"is not a well-formed feed or sitemap: {err}") from None
    if root.tag in (f"{SITEMAP_NS}urlset", f"{SITEMAP_NS}sitemapindex"):
        locs = [_absolute(url, loc.text or "") for loc in root.iter(f"{SITEMAP_NS}loc")]
        locs = [loc for loc in locs if loc]
        return ([], locs) if root.tag.endswith("sitemapindex") else (locs, [])
    return _feed_links(url, raw), []


def _feed_links(url: str, raw: bytes) -> list[str]:
    import feedparser

    parsed = feedparser.parse(raw)
    if not parsed.version:
        raise InputError(url, "is XML but neither an RSS or Atom feed nor a sitemap")
    links = [_absolute(url, entry.get("link", "")) for entry in parsed.entries]
    return [link for link in links if link]


def _absolute(base: str, link: str) -> str:
    link = urljoin(base, link.strip())
    return link if is_url(link) else ""
