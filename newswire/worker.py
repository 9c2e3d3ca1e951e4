"""Start the Faust worker with the chosen roles: poll, work (clean+extract), or both.

The roles decide which agent modules are imported, since a Faust app runs
every agent and task that was registered on it.
"""
from __future__ import annotations

import asyncio
import importlib
import os

ROLE_MODULES = {
    # pollers are a consumer group of their own (Settings.faust_app_id), so
    # they need not declare the workers' global tables
    "poll": ["agents.feeds", "agents.poller"],
    "work": ["agents.tables", "agents.clean", "agents.extract"],
    "progress": ["agents.progress_view"],
}


def changelog_topics(app) -> list[tuple[str, int]]:
    """(name, partitions) of every table's changelog topic.

    Faust creates them lazily, while the worker is inside its first
    rebalance; on a busy broker that took long enough for the group leader
    to hang and the group to sit rebalancing for minutes, so the worker
    creates them from this list before it joins.
    """
    return [(table.changelog_topic.get_topic_name(), table.partitions or app.conf.topic_partitions)
            for table in app.tables.values()]


def prepare_before_joining(app, settings, roles: list[str]) -> None:
    """What must be done before the worker joins the consumer group: a
    member that does it inside the rebalance stalls the whole group."""
    from newswire.kafkaio import changelog_specs, ensure_topics
    changelogs = changelog_specs(changelog_topics(app))
    asyncio.run(ensure_topics(settings, extra=changelogs))
    if "work" in roles:
        from pipeline.stages import warm_up
        warm_up()  # seconds of model and lexicon loading, here rather than on the first articles


def make_worker(app, loglevel: str, quiet: bool):
    """Faust's Worker for ``app``, without its start-up spinner.

    When there is a spinner, Faust sets the root logger to DEBUG for good so
    that every record can turn it: then every debug call of aiokafka, Faust
    and trafilatura builds a record the handler throws away. Without it
    the root logger keeps ``loglevel``. (What that saves is below this
    machine's noise: six alternating 48-page runs each way gave a median
    worker CPU of 10.2 s without the spinner, 9.8 s with it.)
    """
    from faust import Worker
    # No workdir: Faust would chdir into it, and relative paths given on the
    # command line would change meaning under the running worker.
    worker = Worker(app, loglevel=loglevel, quiet=quiet, redirect_stdouts=False)
    worker.spinner = None
    return worker


def start(roles: list[str], *, loglevel: str = "warning", quiet: bool = True) -> None:
    """Run until Ctrl-C or SIGTERM; Faust's worker stops every service cleanly."""
    os.environ["NEWSWIRE_ROLES"] = ",".join(roles)
    from agents.app import app, settings
    for role in roles:
        for module in ROLE_MODULES[role]:
            importlib.import_module(module)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    prepare_before_joining(app, settings, roles)
    if settings.metrics_port:
        from agents import metrics
        metrics.serve(app, settings.metrics_host, settings.metrics_port)
    make_worker(app, loglevel, quiet).execute_from_commandline()
