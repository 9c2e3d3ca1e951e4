"""Start the Faust worker with the chosen roles: poll, work (clean+extract), or both.

The roles decide which agent modules are imported, since a Faust app runs
every agent and task that was registered on it.
"""
from __future__ import annotations

import importlib
import os

ROLE_MODULES = {
    "poll": ["agents.poller"],
    "work": ["agents.clean", "agents.extract"],
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
    worker = Worker(app, loglevel=loglevel, quiet=quiet,
                    workdir=str(settings.data_dir), redirect_stdouts=False)
    worker.execute_from_commandline()
