"""Third-party patches go in by one call at start-up, never on import."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.shared_data import REPO

PROBE = """
import patches
import pipeline.feeds.parse, pipeline.stages, pipeline.nlp.analyze, agents.app
before = patches.installed()
patches.install()
print(before, patches.installed())
"""


def test_importing_installs_nothing_and_install_installs_everything():
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=REPO, capture_output=True,
                          text=True, check=True)
    assert done.stdout.split() == ["False", "True"]


def test_the_command_line_installs_them_first(tmp_path):
    # A fresh process, as a user starts one: the guid patch must be in
    # before the feed is parsed, or parse_feed refuses (and the guid would
    # have come out as https://news.test/t3_42tizy).
    feed = tmp_path / "feed.xml"
    feed.write_text('<rss version="2.0"><channel><title>T</title><link>https://news.test/</link>'
                    '<item><title>A</title><link>https://news.test/a</link>'
                    '<guid isPermaLink="false">t3_42tizy</guid></item></channel></rss>')
    done = subprocess.run([sys.executable, "-m", "newswire.cli", "feeds", "parse", str(feed)],
                          cwd=REPO, capture_output=True, text=True, check=True)
    assert [a["guid"] for a in json.loads(done.stdout)] == ["t3_42tizy"]
