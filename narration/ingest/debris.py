"""Page debris: lines a web page carries that a listener does not need ("Enlarge", "Credit: iStock",
"Go to Health Professional Version", citation markers), removed by a configurable list of patterns.

Each pattern is searched in one line (a paragraph, a list item); the text it matches is removed, and a line
left with nothing to say is dropped whole. Everything removed is recorded so the `scripts` report can show it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Iterable, Sequence

from narration.models import Dropped
from narration.text.normalize.characters import RESPELLING

# A date as pages write it: "21 December 2020", "December 2, 2024", "11/15/2015", "2024-05-01", "May 2019".
DATE = r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2} [A-Za-z]{3,9}\.? \d{4}|[A-Za-z]{3,9}\.? (?:\d{1,2}(?:st|nd|rd|th)?(?:,\s?|\s))?\d{4})"
# A line that gives the page's review date: "Page last reviewed: 21 December 2020", "Last Revised - 11/15/2015",
# "LAST UPDATED: December 2, 2024", "Reviewed: 05/11/2006", "Date Last Reviewed" (its date cut off).
# "Last medically reviewed: 31 July 2020", and a next-review date after it on the same line ("/ Next review: ...").
NEXT_REVIEW = (r"(?:(?:next|media) (?:medical |clinical )?review(?:ed)?(?: (?:due|date))?(?: on)?|media last reviewed)"
               r"\b[\s:–—-]*(?:" + DATE + r")?")
REVIEW_LINE = (r"(?:(?:page|content|article|date|this page was)\s+)?(?:last\s+)?(?:medically\s+|clinically\s+)?"
               r"(?:reviewed|revised|updated|modified)"
               r"(?:\s+on|\s+date)?\s*(?:[:–—-]\s*)?(?P<date>" + DATE + r")?\.?"
               r"(?:\s*[/|·•;,]?\s*" + NEXT_REVIEW + r"\.?)?")
REVIEW_DATE = r"(?i)^" + REVIEW_LINE + r"$"
# Words that together make a line of page tools; "on this page" is left to the outline (it leads a contents list).
PAGE_TOOL_WORDS = (r"skip|sharing|share(?: this)?|print(?:able|er[- ]friendly)?|pdf|e-?mail|download|"
                   r"view(?: or print)?|version|on social media(?: links)?|links?|prev(?:ious)?|next|\[?top\]?|"
                   r"back to top")
SOCIAL = r"(?:facebook|twitter|youtube|instagram|linkedin|pinterest|tiktok|flickr|google ?(?:\+|plus)|whatsapp|reddit|tumblr)"
# A picture's credit on its own line: a stock library ("iStock", "Getty Images / Jane Doe") or "Photo by ..."
# ("Photo: ..." is left to the alt-text rows below); the picture's, never a sentence's end (no hard wrap joins it).
CREDIT_LINE = (r"^(?:(?:iStock(?:photo)?|Getty Images|Shutterstock|Adobe Stock|Alamy|Thinkstock|Unsplash|Pexels)"
               r"(?:\s*(?:/|via|[-–—])\s*[\w .’'-]{1,40})?|(?:Photo|Image|Picture)(?:graph)? (?:by|courtesy(?: of)?):? [^.!?]{1,80})$")
IMAGE_CREDIT = r"^(?:Photo |Image )?Credits?: .{1,100}$"  # "Credit: iStock", "Photo credits: Jane Doe"
# Defaults for common health sites, each named by what it removes (the review lists the name);
# `[scripts] debris = [...]` in narration.toml adds to them.
# What a credits block's labels say before "by:" ("Updated by:", "Content reviewed by:").
CREDIT_VERBS = r"(?:Updated|Reviewed|Medically reviewed|Written|Edited|Also reviewed|Content reviewed)"
# A site menu's own entries, whatever the site ("Home", "Donate", "Log in"); the header's menu test adds its own.
MENU_ENTRIES = r"search|donate|menu|home|shop|help|log ?in|sign in|contact us|about us"
DEFAULT_DEBRIS: tuple[tuple[str, str], ...] = (
    # figure links: "Enlarge" alone, at the end of a sentence, or with the rest of a cut image title ('... body.")')
    ("figure link", r'(?:^|(?<=[.!?])\s*)Enlarge(?: Image)?(?:\b[^\n]*"\))?\s*$'),
    ("page version link", r"^Go to (?:Health Professional|Patient) Version$"),
    ("image credit", IMAGE_CREDIT),
    ("image credit", CREDIT_LINE),
    ("placeholder", r"^Placeholder slot$"),
    # a pronunciation respelling, on a line of its own or after its word: "(teh-moh-ZOH-loh-mide)", "antitrypsin
    # (an-tee-TRIP-sin)", "(ka-peh-SY-tuh-been )" (a space left inside by the page's template); for readers, not
    # listeners, and listed so an editor can make a lexicon entry of it
    ("pronunciation", r"^\( ?(?=[^)]*\b[A-Z]{2,}\b)[A-Za-z]+(?:-[A-Za-z]+){2,} ?\)$"),
    ("pronunciation", r"\s?\((?:pronounced|say|rhymes with):?\s+[^()]{1,60}\)"),  # "(pronounced je-STEY-shuhn-ul)"
    ("pronunciation", r"\s?" + RESPELLING),
    ("page tool", r"(?i)^(?:print|share|e-?mail|tweet|back to top|advertisement|"
                  r"view/print pdf|(?:print|e-?mail) this (?:page|document|issue|article|handout|leaflet|sheet|fact sheet)|view entire document|"
                  r"page options|listen|open in new window|close|menu|search|"
                  r"(?:learn )?how to cite this page|download(?: as)? pdf)$"),
    ("page tool", r"(?i)^print\b[^.!?]{0,60}\bor download(?: as| the)? pdf\.?$"),
    # the site's header around the article: a skip link, a link back to the index the page came from
    ("page tool", r"(?i)^(?:(?:jump|go) to (?:the )?(?:main |page |site )?content|back to (?:the )?"
                  r"(?:[\w'’&-]+ ){0,4}?(?:a(?: to |-)z|home(?:page)?|index|overview|list|results|contents|menu|"
                  r"previous page))$"),
    ("content marker", r"(?i)^(?:(?:beginning|start|top) of (?:the )?(?:main |page )?content|(?:main )?content starts here)$"),
    ("reading time", r"(?i)^(?:(?:estimated )?reading time:?\s*\d{1,3}\s*(?:minutes?|mins?)|\d{1,3}[- ]?(?:minutes?|mins?)\.?"
                     r" read)\.?$"),
    ("language picker", r"(?i)^(?:select|choose|change|other) (?:a |your )?languages?\s*(?::.{0,400})?$"),
    ("source line", r"^Content source:\s.{1,150}$"),  # CDC: "Content source: National Center for ..."
    # a line made of nothing but page-tool words: "Share this:", "PDF Printable PDF version", "< Prev Next >",
    # "Skip sharing on social media links", "Skip directly to search Skip directly to A to Z list ..."
    ("page tool", r"(?i)^(?:[\s<>|:»«\[\]]*(?:" + PAGE_TOOL_WORDS + r"))+[\s<>|:»«\[\]]*$"),
    ("page tool", r"(?i)^(?:skip (?:directly )?to [\w -]{1,30}?\s*){2,}$"),  # chained skip links
    # page tools set after a title on its line: "Tick-Borne Disease Awareness Month PDF Print E-mail"
    ("page tool", r"(?<=\S)(?:\s+(?:PDF|Print|E-?mail|Share|Tweet|Download)){2,}$"),
    ("page tool", r"(?<=\S)(?:\s*(?:External Web Site Policy|\[top\]))+$"),  # left at the end of a line
    # a button that opens more of the page ("Learn More", "Read more", "Show more") and the site's home link
    # under its own acronym ("CDC Home", "NIH Home"): "Nursing Home" or "Your Home" is no link
    ("page tool", r"(?i)^(?:learn|read|show|see|view) (?:more|less)\s*(?:[>»›+]|\.\.\.|…)?$"),
    ("page tool", r"^[A-Z]{2,6} Home(?: ?[Pp]age)?$"),
    ("page tool", r"(?i)^(?:show references|external web site policy|request an appointment|"
                  r"products (?:and|&) services|view or print (?:the|this) [^.!?]{1,60})$"),
    # a figure's or document's link label: "View and Print Infographic", "Download the PDF", "Enlarge image"
    ("page tool", r"(?i)^(?:view|print|download|enlarge|open|see)(?:\s*(?:,|and|or|&|/)\s*(?:view|print|download|"
                  r"enlarge|open|save))*(?:\s+(?:the|this|an?))?(?:\s+(?:full[- ]size|larger|printable))?\s+"
                  r"(?:infographics?|images?|figures?|graphics?|charts?|posters?|pdf|illustrations?|diagrams?)$"),
    ("link instruction", r"(?i)^[^.!?]{0,160}\bclick here\b[^.!?]{0,60}[.!]?$"),
    # a link's own line that opens with its instruction, the link's title after it however long, a site's address
    # or "U.S." inside: "Click here for home page - example.gov - The ... Center"
    ("link instruction", r"(?i)^click here\b(?:[^.!?]|\.(?=\S)|(?<=\b[A-Z])\.){0,250}[.!]?$"),
    # a page's widgets: "Expand Anchor Panel", "Expand/Collapse All", "Show/Hide Transcript", "Show more"
    ("page tool", r"(?i)^(?:(?:expand|collapse)(?:\s*/\s*(?:expand|collapse))?(?:\s+all|(?:\s+[\w-]+)?\s+"
                  r"(?:panel|panels|sections?|menu|navigation|accordion))?|show\s*/\s*hide\b[^.!?]{0,40}|"
                  r"(?:show|hide) (?:all|more|less|details|answers?|transcript))$"),
    # the note of a printable copy: "A printer friendly version of this item is available. [... PDF file, 270 Kb]"
    ("page tool", r"(?i)^(?:an? )?printer[- ]friendly version of this [\w -]{1,30} is available\b[^.!?\[]{0,40}\.?"
                  r"(?:\s*\[[^\[\]]{0,80}\])?$"),
    # a header's contact widgets: "Expand Content", "Contact us with Questions", "Live Chat Hours: 9 A.M. to 3 P.M."
    ("page tool", r"(?i)^(?:expand|collapse|show|hide)(?: all)? content$"),
    ("page tool", r"(?i)^contact us (?:with (?:your )?questions|online|today)$"),  # bare "Contact us" is a menu's
    ("page tool", r"(?i)^(?:live chat(?: hours| now| with us| online)?|chat (?:with us|now|online)|chat hours)"
                  r"(?:\s*:[^!?]{0,80})?$"),
    # a publisher's banner on a cover: "Research-based information from the National Institutes of Health" under the
    # title, and the agency's name in capitals ("U.S. DEPARTMENT OF HEALTH AND HUMAN SERVICES")
    ("publisher banner", r"^(?:Research|Evidence|Science)-based (?:health )?information from (?:the )?[A-Z][^.!?]{1,100}$"),
    ("publisher banner", r"^(?=[^a-z]{10,120}$)(?:THE )?(?:[A-Z.]+ ){0,3}(?:DEPARTMENT|MINISTRY|NATIONAL INSTITUTES?|"
                         r"CENTERS|AGENCY) (?:OF|FOR) [A-Z ,&'’-]+$"),
    # a link's own line, its arrow after it ("Watch the related video about the checker >>"), a video's teaser
    ("link teaser", r"^[^.!?]{1,150}?\s*(?:>>|»|›)$"),
    ("video", r"(?i)^watch (?:this|the|our) (?:[\w-]+ ){1,3}video\b[^.!?]{0,120}$"),
    # a pager, alone or glued to the menu entry before it: "Previous Next", "Living WithPrevious  NextLinks"
    ("page tool", r"^[^.!?]{0,60}?(?:Previous|Prev)\s*[|/]?\s*Next(?:\s*Links?)?$"),
    # a site's prompts: "Enter keywords to search this site. (Click here for Search Tips)", "Tell us what you think"
    ("site search", r"(?i)^enter (?:a )?(?:keywords?|search terms?)\b[^!?]{0,60}?\bsearch\b[^!?()]{0,40}"
                    r"(?:\(click here for search tips\))?\.?$"),
    ("feedback form", r"(?i)^tell us what you think(?: (?:about|of) (?:this|our) (?:site|website|page))?[.!]?$"),
    # page tools run together: "Email this Page Email all Sections Print all Sections of this Topic"
    ("page tool", r"(?i)^(?:(?:e-?mail|print|share|download)\s+(?:this|all)\s+(?:page|sections?|topic|article)s?"
                  r"(?:\s+of\s+this\s+(?:topic|page))?\s*){2,}$"),
    # a skip link anywhere on the page: "Skip bottom navigation and go back to top", "Skip banner links and go to ..."
    ("page tool", r"(?i)^skip (?:[\w-]+ ){0,2}(?:navigation|links)\b[^!?]{0,120}$"),
    # a trail after the site's home, colons between: "DCI Home: Blood Diseases: Iron-Deficiency Anemia: Key Points"
    ("breadcrumb", r"^[A-Z][\w'’&-]*(?: [\w'’&-]+){0,3} Home:\s*[^:.!?]{1,60}(?::\s*[^:.!?]{1,60}){1,5}$"),
    # a download's own line: "[PDF]", "Graphic version, PDF", "Text version (PDF)"
    ("download link", r"(?i)^(?:\[(?:pdf|docx?)\]|(?:graphic|text|printable|large[- ]print) version\s*[,:(-]?\s*"
                      r"\(?(?:pdf|docx?)\)?)$"),
    # a logo's or home link's alt text, however worded: "FDA Logo linking to the home page", "Go to NLM home page"
    ("image alt text", r"(?i)^[^.!?]{0,60}\blogo (?:linking|links?|that links) to\b[^.!?]{0,60}$"),
    ("page tool", r"(?i)^(?:(?:return|go|back) to (?:the )?(?:[A-Z]{2,6} )?home ?page\s*){1,3}$"),
    # a related link with its title ("See also: Bladder infections"), or its lead left without its links ("See also...")
    ("related link", r"(?i)^see also(?:\s*(?:\.{3}|…)\s*|:\s+[^.!?]{1,100}\??)$"),
    # the site's tagline by the title: "MedlinePlus Health Information: A service of the National Library of Medicine"
    ("site header", r"^(?:[A-Z][\w.'’&-]*(?: [\w.'’&-]+){0,5}:\s+)?An? (?:service|project|program|website) of the "
                    r"[A-Z][\w.'’&-]*(?:,? (?:[A-Z][\w.'’&-]*|and|of|for|on|the|&))*\.?$"),
    # what a link said in brackets: "(Select for a list of suggested questions.)", "(Click here to view the chart)"
    ("link instruction", r"(?i)\s?\((?:select|click|tap|press)(?: (?:here|this|on (?:the|this) (?:link|image|button)))?"
                         r" (?:for|to) (?:a list|a copy|more|details|the|see|view|read|open|download|learn|get|print|"
                         r"enlarge|watch|listen)\b[^()]{0,80}\)"),
    # a notice for browsers without scripts: "Your browser doesn't support JavaScript. Please upgrade ..."
    ("script notice", r"(?i)^(?=.*\bjava ?script\b)(?=.*\b(?:enabled?|disabled|support|upgrade|turn(?:ed)? on|"
                      r"requires?|switch on)\b).{0,300}$"),
    # a skip link with the banner pasted after it: "Skip Navigation U.S. Department of Health and Human Services"
    ("page tool", r"(?i)^skip (?:navigation|to (?:main )?(?:content|navigation))\b[^!?]{0,100}$"),
    ("page tool", r"(?i)^skip [\w ]{1,30}?\b(?:and )?(?:go |jump )?to (?:the )?(?:main )?content[^!?]{0,100}$"),  # "Skip banner links and go to content..."
    ("PDF notice", r"(?i)^[^\n]{0,200}\b(?:requires|download|get) (?:the )?(?:free )?adobe (?:acrobat )?reader\b.{0,60}$"),
    ("screen-reader note", r"(?i)^attention\b.{0,30}\b(?:A ?T|assistive technology|screen[- ]reader) users\b.*$"),
    # "An official website of the United States government", after the flag's alt text ("U.S. flag") if pasted
    ("government banner", r"(?i)^(?:[\w.]{1,10} flag\s+)?(?:an official website of the .{1,80}|"
                          r"here['’]s how you know)\.?$"),
    ("press release line", r"(?i)^for (?:immediate )?release\b[\s:–—-]*(?:" + DATE + r")?\.?$"),
    # a health site's accreditation under the page: "A.D.A.M., Inc. is accredited by URAC, also known as ...",
    # "This site complies with the HONcode standard": about the site, not the article
    ("accreditation line", r"(?i)^.{0,120}?\b(?:accredited by|certified by|"
                           r"complies with|subscribes? to)\s+(?:the )?(?:URAC|HON(?:code)?|Health On the Net|"
                           r"Information Standard|PIF TICK)\b.{0,200}$"),
    ("byline", r"^By (?:[A-Z][\w.'’-]*\s+){0,5}(?:Staff|Team|Editors|Editorial (?:Staff|Team|Board)|Writers)$"),
    # a paragraph about the site itself: its advertising, what it endorses, what the page leaves out
    ("advertising notice", r"(?i)^.{0,200}\b(?:advertising (?:revenue )?(?:on (?:our|this) (?:site|website) )?"
                           r"(?:helps )?supports?|do(?:es)? not endorse (?:companies|products|non-[\w -]{1,40}"
                           r"products))\b.{0,200}$"),
    # a site's notice about what it publishes ("Disclaimer: Most OTC drugs are not reviewed ..."); the build says
    # its own disclaimer, and the article's text never opens with the word
    ("site notice", r"^(?:Disclaimer|DISCLAIMER):\s.{1,800}$"),
    ("site notice", r"(?i)^(?:in order )?(?:to avoid copyright disputes,? )?this page is only a (?:partial )?summary\.?$"),
    ("store link", r"^(?:Book|Newsletter|Product|Shop|DVD|Store): [^.!?]{1,100}$"),
    # a line that sends the reader to a related page: "More on: Head Lice Treatment", "See also: Anemia"
    ("related link", r"(?i)^(?:more on|see also|also see|learn more|read more|keep reading|related(?: (?:topics?|pages?|links?|"
                     r"articles?|content))?):\s+[^.!?:]{1,100}$"),
    # a syndicated page's pointer home: "Read more on the NHS website.", "Find out more on the healthdirect website"
    ("related link", r"(?i)^(?:read|find out|learn) more (?:on|at|from) (?:the )?[\w.&' -]{2,40} (?:website|site)\.?$"),
    # a label the page doubled ("Also called: Also called: Pyrosis"): said once
    ("repeated label", r"^([A-Z][\w ’'-]{0,30}):\s+(?=\1:)"),
    ("page address", r"(?i)^(?:url|address|link|permalink) (?:of|for|to) this (?:page|article):.*$"),
    ("cookie banner", r"(?i)^(?=.*\bcookies?\b)(?=.*\b(?:analytics|consent|accept|reject|(?:web)?site|"
                      r"your (?:device|browser|choice|preferences)|tracking)\b).{0,400}$"),
    ("review date", REVIEW_DATE),
    ("review date", r"(?i)(?<=[.!?])\s+(?:page |content )?last (?:reviewed|updated):?\s*(?P<date>" + DATE + r")\.?$"),  # glued on
    ("review date", r"(?i)^(?:review|revision)\s+date\b[\s:–—-]*(?P<date>" + DATE + r")?\.?$"),  # MedlinePlus
    # the article's publication date at its end ("This information was published in February 2021.") and a
    # dated "Updated:" line with the link to the page's history ("... History of changes to this fact sheet")
    ("review date", r"(?i)^(?:this (?:information|page|article|content|leaflet|fact sheet) was )?(?:first )?published"
                    r"(?: on| in)?:?\s*(?P<date>" + DATE + r")\.?$"),
    ("review date", r"(?i)^" + REVIEW_LINE + r"\s*(?:see )?(?:the )?history of changes\b[^.!?]{0,40}\.?$"),
    # what a feedback form says once sent, or on a fault: "Thank you for providing your feedback."
    ("feedback form", r"(?i)^(?:there (?:has been|was) a problem (?:submitting|sending) your (?:feedback|comments?|form)|"
                      r"thank you for (?:providing |sending |submitting |your )?(?:your )?(?:feedback|comments?)|"
                      r"your (?:feedback|comments?) (?:has|have) been (?:sent|submitted|received))[.!]?$"),
    # the publisher's notes at the article's end: under review, references on request, permission to reproduce it
    ("publication note", r"(?i)^this (?:page|information|content|article) is (?:currently )?(?:under|being) review(?:ed)?"
                         r"\b[^!?]{0,150}$"),
    ("publication note", r"(?i)^(?:a list of )?(?:references|bibliography|sources)(?: and (?:references|bibliography|"
                         r"sources))? (?:are |is )?available (?:on|upon) request\.?$"),
    ("publication note", r"(?i)^(?=.{0,200}$)(?=.*\b(?:reproduce|republish|reprint|re-?use|copy)\b[^.!?]{0,30}\b(?:content|"
                         r"information|material|page|article|text|leaflet|publication)s?\b)(?=.*\b(?:permissions?|"
                         r"licen[cs]ing|licen[cs]e)\b).*$"),
    # the credits block under an article: "Updated by: Jane Doe, MD, ... Also reviewed by ..."
    ("credits", r"^(?:" + CREDIT_VERBS + r" [Bb]y:"
                r"|Medically reviewed by [A-Z])\s?.{0,1000}$"),
    # ... and the block's other lines: "Also reviewed by David Doe, MD, ...", "A.D.A.M. Editorial team."
    ("credits", r"^Also reviewed by [A-Z].{0,600}$"),
    ("credits", r"^(?:The )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3} [Ee]ditorial [Tt]eam\.?$"),
    # the publisher's disclaimer under a syndicated encyclopedia article (A.D.A.M.), often cut off in a paste
    ("site notice", r"(?i)^(?:the |this )?information(?: provided herein| (?:on|in) this (?:site|page|website|article))?"
                    r" should not be used (?:during any medical emergency|for the diagnosis)\b.{0,800}$"),
    ("review date", r"(?i)^" + NEXT_REVIEW + r"\.?$"),
    # a leaflet's document-control lines under it: its code ("Ref: UR01_MOB", "Leaflet number: 1234/v2") and dates
    # ("Created on: Jan 2024", "Due for review by: Jan 2026"); the code has a digit, the line nothing else
    ("document control", r"(?i)^(?:ref(?:erence)?|leaflet|document|publication|patient information)"
                         r"(?: (?:no\.?|number|ref(?:erence)?|code|id))?\s*[:.]?\s*"
                         r"(?=[^\s]*\d)[A-Z0-9][\w/.-]{1,20}(?:\s+[A-Z0-9][\w/.-]{0,12}){0,2}$"),
    ("document control", r"(?i)^(?:(?:created|produced|issued|printed)(?: on| in)?|date (?:created|produced|issued|"
                         r"of (?:issue|production))|(?:issue|production|expiry) date|(?:due for|next) review(?: by| on| in|"
                         r" date)?|review due(?: by| on| in| date)?)\s*[:–—-]?\s*" + DATE + r"\.?$"),
    # a survey's row of answers to pick from: "Yes No", "Not at all A little Somewhat Quite a bit Extremely"
    ("survey controls", r"(?i)^(?:yes\s+no|no\s+yes)$"),
    ("survey controls", r"(?i)^(?:(?:not at all|not very|a little|somewhat|quite a bit|very|extremely|"
                        r"strongly agree|agree|neutral|disagree|strongly disagree|poor|fair|good|excellent)"
                        r"(?:\s+|$)){3,}$"),
    # a web archive's or proxy's banner over the copy: "The Wayback Machine - https://web.archive.org/web/..."
    ("archive banner", r"^(?:The )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} [-–—|] (?:https?://|www\.)\S+$"),
    # a link line: a title and its labels, then the bare address ("Sprains and Strains - Multiple Languages - http://...")
    ("link line", r"^[A-Z][\w.'’&/()-]*(?: (?:[A-Z0-9][\w.'’&/()-]*|and|or|of|for|in|on|to|the|a|an|&))*"
                  r"(?: [-–—|] [A-Z][\w.'’&/()-]*(?: (?:[A-Z0-9][\w.'’&/()-]*|and|or|of|for|in|on|to|the|a|an|&))*){0,3}"
                  r" [-–—|] (?:https?://|www\.)\S+$"),
    # a download's format and size after its link: "[PDF - 154 KB]", "(PDF, 2.1 MB)"; then the link's own line
    # ... "(PDF, 850K)", "(Word, 1.2 MB)": the size's unit may lose its "B", the type may be the program's name
    ("download link", r"(?i)\s*[\[(](?:pdf|docx?|xlsx?|pptx?|epub|rtf|zip|word|excel|powerpoint)\s*[-–—:,]?\s*"
                      r"\d+(?:[.,]\d+)?\s*[kmg]b?[\])]"),
    ("download link", r"(?i)^(?:pdf|printable|print|large[- ]print) versions?\b(?: of (?:this|the) [\w -]{1,30})?"
                      r"(?:\s*[-–—:,(]\s*\d+(?:[.,]\d+)?\s*[kmg]b\)?)?\s*:?$"),
    ("page tool", r"(?i)^skip (?:directly )?to\b[^!?]{0,60}$"),  # "Skip to text and downloadable files."
    # a document's link said as a sentence, its format after it: "View the 2019 Bite Report Form (PDF)."
    ("download link", r"(?i)(?:^|(?<=[.!?])\s+)(?:view|download|open|print|read) (?:the|our|this|a) [^.!?()]{1,80}"
                      r"\((?:pdf|docx?|word|xlsx?|excel|pptx?|epub|rtf)\)\.?$"),
    # a news feed's channel line, pasted from its XML: an RFC-822 time stamp ("Thu, 21 Sep 2023 21:01:45 +0000")
    # with the feed's address or its update rate ("hourly 1") on the same line
    ("feed metadata", r"^(?=.*\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
                      r"Nov|Dec)\w* \d{4} \d\d:\d\d(?::\d\d)? (?:[+-]?\d{4}|GMT|UTC)\b)"
                      r"(?=.*(?:https?://|\b(?:hourly|daily|weekly) \d+\b)).*$"),
    # ... its items' template line, placeholders and all: "The post %% POSTLINK %% appeared first on %% BLOGLINK %%."
    ("feed metadata", r"^(?:The post .{1,200} appeared first on .{1,120}|.*%%\s*[A-Z_]+\s*%%.*)$"),
    # a page tool to send the page on: "E-mail to a friend", "Email this page to a friend", "Send to a friend"
    ("page tool", r"(?i)^(?:e-?mail|send|share)(?: this(?: page| article)?)? to a friend\.?$"),
    # a picture's alt text as a paste keeps it: "Infographic: CDC guide for healthy travel"
    ("image alt text", r"^(?:Infographic|Image|Photo|Picture|Illustration|Graphic):\s[^.!?]{1,100}$"),
    # ... or as a line naming the picture: "Photo of a woman", "Diagram of the urinary tract" (one picture, no verb:
    # "Pictures of eczema" heads a gallery, "Photo of a woman is shown" is a sentence)
    ("image alt text", r"(?i)^(?:photo(?:graph)?|picture|image|diagram|illustration|drawing|graphic|infographic) "
                       r"(?:of|showing) (?:an?|the|two|three|some|several|his|her|their|your|someone|people)\b"
                       r"(?![^.!?]*\b(?:is|are|was|were|can|may|will|has|have)\b)[^.!?:;]{1,60}\.?$"),
    # ... or by what the picture shows: "Infographic detailing steps to take to prevent flu" (a participle, no verb)
    ("image alt text", r"(?i)^(?:photo(?:graph)?|picture|image|diagram|illustration|drawing|graphic|infographic) "
                       r"(?:showing|detailing|depicting|illustrating|describing|outlining|explaining) "
                       r"(?![^.!?]*\b(?:is|are|was|were|can|may|will|has|have)\b)[^.!?:;]{1,80}\.?$"),
    # a site's logo as its alt text reads, and the menu words beside it: "Example Charity logo.", "Search Donate"
    ("image alt text", r"^[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,5} logo\.?(?=\s|$)"),
    # ... with its link's target: "FDA Logo--links to FDA home page", "HHS Log, links to the HHS website"
    ("image alt text", r"^[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,5} (?:[Ll]ogo|Log)\s*(?:--|[-–—,:])\s*links? to\b"
                       r"[^.!?]{0,100}\.?$"),
    ("image alt text", r"^[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,5} Logo\.?$"),  # "FDA Logo"
    ("site menu", r"(?i)^(?:(?:" + MENU_ENTRIES + r"|sign up)\s*){2,3}$"),
    # a site-search box's prompt: "Search our database by Health Topic or enter your own keywords"
    ("site search", r"(?i)^search (?:our|this|the) (?:site|website|database|pages|catalog|directory)\b[^.!?]{0,80}$"),
    # "Read this page in Welsh (Cymraeg)": a link to the page in another language
    ("language link", r"(?i)^(?:read|view|see) (?:this (?:page|information|article|leaflet) )?in [a-z]+"
                      r"(?: \([^()]{1,30}\))?\.?$"),
    # the site's offer under the title: "Have a question? Ask ODS", "Join the ODS Email List"
    ("contact prompt", r"(?i)^(?:(?:have a question\?|questions\?)\s*(?:ask|contact|e-?mail) [\w.]+\s*)?"
                       r"(?:(?:join|subscribe to|sign up (?:for|to)) (?:the |our )?[\w -]{0,30}\b(?:e-?mail|mailing) list)?$"
                       r"(?<=\w)"),
    # the note that sends a reader to another version of the page: "This is a general overview. For more in-depth
    # information, see our health professional fact sheet."
    ("version note", r"(?i)^(?:this is an? (?:general |brief |short )?(?:overview|summary)\b[^.!?]{0,60}\.\s*)?"
                     r"for (?:more |more in-depth |in-depth |detailed |technical )information,? (?:see|read|visit) "
                     r"(?:our|the) [^.!?]{0,40}\b(?:health professional|professional|version|fact sheet)\b[^.!?]{0,30}\.?$"),
    ("video", r"^Video: [^.!?]{1,120}$"),
    ("video", r"^Watch (?:this|the|our) video\b[^.!?]*[.!]?"),
    ("social media links", r"(?i)^(?:(?:find|follow|connect with) .{1,40} on:?[\s,;]*)?" + SOCIAL + r"(?:[\s,;]+(?:and\s+)?" + SOCIAL + r")*[\s,;.]*$"),
    ("social media links", r"(?i)^(?:find|follow|connect with) [^.!?]{1,40} on:$"),
    ("page tool", r"(?i)^(?:(?:back|return|go|jump|scroll)\s+to\s+(?:the\s+)?top(?:\s+of\s+(?:the\s+)?page)?|"
                  r"top\s+of\s+(?:the\s+)?page)\s*[↑^⬆]?$"),  # "Top of Page", "Return to top"
    # a charity's or company's registration under the page: "company limited by guarantee 01863614", "Registered
    # charity in England and Wales (326730)", "VAT number 648 8121 18", "Registered office: ..." (with its number)
    ("registration details", r"(?i)^(?=.*\b(?:company limited by guarantee|registered (?:charity|company|office|in "
                             r"england)|(?:charity|company|vat)(?: registration)? (?:number|no\b)))(?=.*\d{4,}).{0,500}$"),
    ("language link", r"(?i)^(?:(?:en español|in english|datos en español|español|english|en inglés)[\s|/]*){1,3}$"),
    ("breadcrumb", r"^Home\s*[>›»/|]\s*\S.{0,150}$"),
    # a breadcrumb written with pipes, repeated under the title: "Resources | Drugs"
    ("breadcrumb", r"^[A-Z][\w'’&-]*(?: [\w'’&-]+){0,4}(?: \| [A-Z][\w'’&-]*(?: [\w'’&-]+){0,4}){1,2}$"),
    ("page type", r"^\((?:[a-z][a-z-]*)(?: [a-z][a-z-]*){0,4}\)$"),  # "(public service announcement)"
    # a trail of three or more capitalized entries: "Arthritis Home > Arthritis Basics > Types" (its ">" the
    # speech normalization would remove, leaving a run of names)
    ("breadcrumb", r"^(?:[A-Z0-9][^<>›»|.!?;]{0,50}?\s[>›»]\s){2,}[A-Z0-9][^<>›»|.!?;]{0,80}$"),
    # a two-entry trail from a site's home: "NIDA Home > Frequently Asked Questions"
    ("breadcrumb", r"^[A-Z][\w'’&-]*(?: [\w'’&-]+){0,3} Home\s*[>›»]\s*[A-Z0-9][^<>›»|.!?;]{0,100}$"),
    # a menu bar pasted with its entries run together: "PhysiciansResearchersParents/TeachersStudents" (three or
    # more joins; a name has fewer: "GlaxoSmithKline", "YouTube")
    ("menu", r"^(?=(?:.*?[a-z]{2}[A-Z][a-z]){3})[^.!?;]{1,300}$"),
    ("copyright", r"(?i)^.{0,400}(?:©|\bcopyright\s*(?:©|\(c\)|,?\s*(?:19|20)\d\d)|\ball rights reserved\b).{0,400}$"),
    # citation markers attached to the end of a clause: "cancer (24).", "risk (26-28), and", "text.[1]"
    ("citation", r"(?<=[\w.,;:)])\s?\((?:\d{1,3})(?:\s?[-–,]\s?\d{1,3})*\)(?=[.,;:!?]|\s*$)"),
    ("citation", r"(?<=[\w.,;:)])\s?\[(?:\d{1,3})(?:\s?[-–,]\s?\d{1,3})*\](?=[\s.,;:!?]|$)"),
    # footnote numbers glued to a sentence's end ("population.1 However") or to its last word ("risk2.")
    ("footnote number", r"(?<=[A-Za-z)][.!?])(?<!\bNo\.)(?<!\bno\.)\d{1,3}(?:[,–-]\d{1,3})*(?=\s+[A-Z“\"(]|\s*$)"),
    ("footnote number", r"(?<=[a-z]{3})\d{1,3}(?:[,–-]\d{1,3})*(?=[.!?](?:\s|$))"),
)
NOTHING_LEFT = re.compile(r"^[\W_]*$")
DATE_FORMATS = ("%m/%d/%Y", "%m/%d/%y", "%m-%d-%Y", "%m.%d.%Y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y",
                "%B %d %Y", "%b %d, %Y", "%b %d %Y", "%B %Y", "%b %Y")


REVIEW_LABEL = re.compile(r"(?i)^(?:" + REVIEW_LINE + r"|" + NEXT_REVIEW + r")$")
LONE_DATE = re.compile(r"^\s*" + DATE + r"\.?\s*$")
CREDIT_LABEL = re.compile(r"^" + CREDIT_VERBS + r" [Bb]y:$")


def dated_review_labels(lines: list[str]) -> list[str]:
    """A review-date label on a line of its own ("Page last reviewed:") takes the date on the next line, as the
    page shows them side by side: otherwise the dates are left behind, a list of two dates to read; a credit label
    ("Reviewed By:") takes the name under it."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1].strip() if joined else ""
        if previous.endswith(":") and ((LONE_DATE.match(line) and REVIEW_LABEL.match(previous))
                                       or (line.strip() and CREDIT_LABEL.match(previous))):
            joined[-1] = f"{previous} {line.strip()}"  # "Reviewed By:" / "Jane Doe, MD, ...": one credit
        else:
            joined.append(line)
    return joined


def compile_patterns(patterns: Iterable[str]) -> list[tuple[str, re.Pattern[str]]]:
    """Compile debris patterns, each named by itself; a bad one raises re.error (the config reports it with its key)."""
    return [(pattern, re.compile(pattern)) for pattern in patterns]


def page_date(text: str) -> date | None:
    """A date as a page writes it ("21 December 2020", "11/15/2015": month first, as US sites write it), or None."""
    plain = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b|\.(?=\s)", "", " ".join(text.split()))
    plain = re.sub(r",(?=\d)", ", ", plain)  # "Oct 3,2014": a paste that lost the space
    for form in DATE_FORMATS:
        try:
            return datetime.strptime(plain, form).date()
        except ValueError:
            continue
    return None


def pattern_problems(patterns: Sequence[str], key: str = "scripts.debris") -> list[str]:
    """Config problems of user debris patterns: each must compile and must not match an empty line."""
    problems = []
    for index, pattern in enumerate(patterns):
        try:
            compiled = re.compile(pattern)
        except re.error as err:
            problems.append(f"{key}[{index}]: {pattern!r} is not a regular expression ({err})")
            continue
        if compiled.search("") is not None:
            problems.append(f"{key}[{index}]: {pattern!r} matches empty text; it would drop nothing, or everything")
    return problems


def rule_name(rule: str) -> str:
    """How the review names what a built-in rule ("citation") removed: "<citation>", apart from a project pattern."""
    return f"<{rule}>"


def by_rule(dropped: Dropped, rule: str) -> bool:
    """Whether the rule named `rule` removed this piece."""
    return dropped.pattern == rule_name(rule)


@dataclass
class DebrisFilter:
    """Removes debris from lines of one article and records what it removed."""

    file: str
    patterns: list[tuple[str, re.Pattern[str]]]  # (the name the review gives, the pattern)
    dropped: list[Dropped] = field(default_factory=list)  # in page order, as the review looks them up
    reviewed: date | None = None  # the page's own last-reviewed date, from a review-date line it dropped
    _cleaned: int = 0  # lines that patterns took something from so far
    _places: list[tuple[int, int]] = field(default_factory=list)  # each record's place in the page

    def mark(self) -> int:
        """Where the reader is in the page, for a later `drop` of what it reads now."""
        return self._cleaned

    def clean(self, line: str) -> str:
        """The line without its debris: '' when nothing is left to say."""
        text = line
        for source, pattern in self.patterns:
            found = [m.group() for m in pattern.finditer(text) if m.group()]
            if not found:
                continue
            self._note_date(pattern.search(text))
            remaining = pattern.sub("", text)
            if NOTHING_LEFT.match(remaining):
                self._record(Dropped(self.file, line, source, text), (self._cleaned, 1))
                break
            for piece in found:
                self._record(Dropped(self.file, line, source, piece.strip()), (self._cleaned, 1))
            text = " ".join(remaining.split())
        else:
            if text != line:
                self._cleaned += 1
            return text
        self._cleaned += 1
        return ""

    def _record(self, dropped: Dropped, place: tuple[int, int]) -> None:
        at = bisect.bisect_right(self._places, place)
        self._places.insert(at, place)
        self.dropped.insert(at, dropped)

    def _note_date(self, match: re.Match[str] | None) -> None:
        """Keep the first last-reviewed date a dropped line gives: it is the article's metadata, not debris."""
        written = match.groupdict().get("date") if match is not None else None
        if written and self.reviewed is None:
            self.reviewed = page_date(written)

    def strip(self, line: str, rule: str, pattern: re.Pattern[str], at: int) -> str:
        """The line without what `pattern` finds (a page-level rule: the page showed the form elsewhere), each
        piece recorded under `rule`, filed at `at` (a `mark()`)."""
        pieces = [m.group().strip() for m in pattern.finditer(line) if m.group().strip()]
        for piece in pieces:
            self._record(Dropped(self.file, line, rule_name(rule), piece), (at, 0))
        return " ".join(pattern.sub("", line).split()) if pieces else line

    def marks_of(self, rule: str) -> list[int]:
        """Where (as a `mark()`: lines read up to it have marks no higher) each line a pattern named `rule` dropped was."""
        return [place for (place, _), dropped in zip(self._places, self.dropped) if by_rule(dropped, rule)]

    def lines_dropped_between(self, start: int, end: int) -> int:
        """How many whole or partial lines the patterns left out while the reader went from mark `start` to `end`."""
        return sum(start <= at < end and by_pattern for at, by_pattern in self._places)

    def placed_of(self, rule: str) -> list[tuple[int, Dropped]]:
        """Each piece a pattern named `rule` removed, with where it was (its mark, as in `marks_of`)."""
        return [(place, dropped) for (place, _), dropped in zip(self._places, self.dropped) if by_rule(dropped, rule)]

    def dropped_of(self, rule: str) -> list[Dropped]:
        """What a pattern named `rule` removed, in the order of `marks_of`."""
        return [dropped for dropped in self.dropped if by_rule(dropped, rule)]

    def count(self, rule: str) -> int:
        """How many pieces a rule ("citation") has removed so far."""
        return sum(by_rule(dropped, rule) for dropped in self.dropped)

    def last_was(self, rule: str) -> bool:
        """Whether the last piece recorded so far was removed by the rule named `rule`."""
        return bool(self.dropped) and by_rule(self.dropped[-1], rule)

    def drop(self, line: str, rule: str, at: int | None = None) -> None:
        """Record a line left out by a structural rule (an image's alt text, a caption, a promotional card);
        `at`, a `mark()` taken when the line was read, files it in page order among the lines cleaned since."""
        self._record(Dropped(self.file, line, rule_name(rule), line), (self._cleaned if at is None else at, 0))


def debris_filter(file: str, extra: Sequence[str] = ()) -> DebrisFilter:
    """A filter with the default patterns (named "<what they remove>" for the review) and the project's own."""
    defaults = [(rule_name(name), re.compile(pattern)) for name, pattern in DEFAULT_DEBRIS]
    return DebrisFilter(file, [*defaults, *compile_patterns(extra)])
