"""A tiny local newsroom for integration tests: a feed and its article pages.

Served by a real HTTP server on 127.0.0.1. The texts are written for these
tests in the style of wire copy; they name people with titles, quote them
and report meetings, requests and accusations so every stage has work.
"""
from __future__ import annotations

from html import escape

from tests import local_http

STORIES = [
    ("Ministers agree to talks on grain corridor",
     ["Turkish Foreign Minister Mevlut Cavusoglu met Ukrainian Foreign Minister Dmytro Kuleba "
      "in Ankara on Tuesday to discuss the export of grain.",
      "\u201cWe agreed to continue the talks next week,\u201d Cavusoglu said after the meeting.",
      "Kuleba said Ukraine would send a delegation to Istanbul. Russia accused Ukraine of "
      "mining the ports, a claim Kyiv rejected."]),
    ("Senate committee requests documents from energy regulator",
     ["The Senate Energy Committee sent a request to the Federal Energy Regulatory Commission "
      "on Monday for documents about the blackout in Texas.",
      "Senator Maria Cantwell said the committee wanted answers before the summer.",
      "\u201cFamilies deserve to know why the lights went out,\u201d Cantwell told reporters."]),
    ("Police arrest protest leaders in capital",
     ["Police in Nairobi arrested three opposition leaders on Wednesday after protests over "
      "fuel prices, the interior ministry said.",
      "Opposition leader Raila Odinga condemned the arrests and called on the government "
      "to release the detainees.",
      "Interior Minister Kithure Kindiki warned that further protests would not be tolerated."]),
]


def story_html(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{escape(title)}</title></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{escape(title)}</h1>{body}</article>"
            f"<footer>Copyright Test Newsroom. All rights reserved.</footer></body></html>")


def feed_xml(base: str, stories=STORIES, full_text_for: int = 2) -> str:
    """RSS 2.0: the first ``full_text_for`` items carry full content, the rest a summary only."""
    items = []
    for n, (title, paragraphs) in enumerate(stories):
        link = f"{base}/news/{n}?utm_source=rss"
        content = ""
        if n < full_text_for:
            html = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
            content = f"<content:encoded><![CDATA[{html}]]></content:encoded>"
        items.append(
            f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
            f"<guid isPermaLink='false'>story-{n}</guid>"
            f"<pubDate>Wed, 27 Jul 2022 1{n}:00:00 GMT</pubDate>"
            f"<description>{escape(paragraphs[0][:120])}</description>{content}</item>")
    return ("<?xml version='1.0' encoding='utf-8'?>"
            "<rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
            f"<channel><title>Test Newsroom</title><link>{base}/</link>"
            f"<description>Test feed</description>{''.join(items)}</channel></rss>")


class Newsroom:
    """Serves /feed.xml and /news/<n> on a free loopback port."""

    def __init__(self) -> None:
        newsroom = self

        class Handler(local_http.QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                path = self.path.split("?", 1)[0]
                if path == "/feed.xml":
                    body, ctype = feed_xml(newsroom.base).encode(), "application/rss+xml"
                elif path.startswith("/news/") and path[6:].isdigit() and int(path[6:]) < len(STORIES):
                    body, ctype = story_html(*STORIES[int(path[6:])]).encode(), "text/html; charset=utf-8"
                else:
                    self.send_error(404)
                    return
                newsroom.hits.append(path)
                self.reply(200, body, {"Content-Type": ctype})

        self.hits: list[str] = []
        self.server, self.base = local_http.start(Handler)

    def __enter__(self) -> Newsroom:
        return self

    def __exit__(self, *exc) -> None:
        local_http.stop(self.server)
