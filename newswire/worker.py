"""Start the Faust worker with the chosen roles: poll, work (clean+extract), or both.

The roles decide which agent modules are imported, since a Faust app runs
every agent and task that was registered on it.
"""
from __future__ import annotations

import importlib
import os

ROLE_MODULES = {
    "poll": ["agents.tables", "agents.feeds", "agents.poller"],
    "work": ["agents.tables", "agents.clean", "agents.extract"],
    "progress": ["agents.progress_view"],
}


def start(roles: list[str], *, loglevel: str = "warning", quiet: bool = True) -> None:
    """Run until Ctrl-C or SIGTERM; Faust's worker stops every service cleanly."""
    os.environ["NEWSWIRE_ROLES"] = ",".join(roles)
    from faust import Worker

    from agents.app import app, settings
    for role in roles:
        for module in ROLE_MODULES[role]:
            importlib.import_module(module)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    # No workdir: Faust would chdir into it, and relative paths given on the
    # command line would change meaning under the running worker.
    worker = Worker(app, loglevel=loglevel, quiet=quiet, redirect_stdouts=False)
    worker.execute_from_commandline()
