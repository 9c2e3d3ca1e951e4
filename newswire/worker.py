"""Start the Faust worker with the chosen roles: poll, work (clean+extract), or both.

The roles decide which agent modules are imported, since a Faust app runs
every agent and task that was registered on it.
"""
from __future__ import annotations

import asyncio
import importlib
import os

ROLE_MODULES = {
    "poll": ["agents.tables", "agents.feeds", "agents.poller"],
    "work": ["agents.tables", "agents.clean", "agents.extract"],
    "progress": ["agents.progress_view"],
}


def prepare_before_joining(app, settings, roles: list[str]) -> None:
    """What must be done before the worker joins the consumer group: a
    member that does it inside the rebalance stalls the whole group."""
    from agents import faust_fixes
    from newswire.kafkaio import changelog_specs, ensure_topics
    changelogs = changelog_specs(faust_fixes.changelog_topics(app))
    asyncio.run(ensure_topics(settings, extra=changelogs))
    if "work" in roles:
        from pipeline.nlp.parsing import get_nlp
        get_nlp()  # seconds of model loading, here rather than on the first article


def start(roles: list[str], *, loglevel: str = "warning", quiet: bool = True) -> None:
    """Run until Ctrl-C or SIGTERM; Faust's worker stops every service cleanly."""
    os.environ["NEWSWIRE_ROLES"] = ",".join(roles)
    from faust import Worker

    from agents.app import app, settings
    for role in roles:
        for module in ROLE_MODULES[role]:
            importlib.import_module(module)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    prepare_before_joining(app, settings, roles)
    if settings.metrics_port:
        from newswire import metrics
        metrics.serve(app, settings.metrics_host, settings.metrics_port)
    # No workdir: Faust would chdir into it, and relative paths given on the
    # command line would change meaning under the running worker.
    worker = Worker(app, loglevel=loglevel, quiet=quiet, redirect_stdouts=False)
    worker.execute_from_commandline()
