"""Which consumer group (Faust app id) each role joins."""
from __future__ import annotations

from pipeline.config import Settings


def test_pollers_alone_are_a_group_of_their_own():
    settings = Settings(app_id="desk")
    assert settings.faust_app_id(["poll"]) == "desk-poll"
    assert settings.faust_app_id(["work"]) == "desk"
    # newswire run: both roles in one process, one app
    assert settings.faust_app_id(["poll", "work"]) == "desk"
    assert settings.faust_app_id([]) == "desk"
