from pipeline.progress import Progress


def test_rates_are_per_second_since_the_last_render():
    now = [100.0]
    progress = Progress(clock=lambda: now[0])
    progress.add("raw", 10)
    progress.add("events", 4)
    now[0] = 102.0
    line = progress.render()
    assert "fetched 10 (5.0/s)" in line and "events 4 (2.0/s)" in line
    now[0] = 104.0
    assert "fetched 10 (0.0/s)" in progress.render()
    assert not progress.changed_since_last_render


def test_a_feed_error_is_new_once():
    progress = Progress()
    assert progress.feed_failed("u", "timeout")
    assert not progress.feed_failed("u", "timeout")
    assert progress.feed_failed("u", "HTTP 500")
    assert "failing feeds 1" in progress.render()
    progress.feed_recovered("u")
    assert "failing feeds 0" in progress.render()
