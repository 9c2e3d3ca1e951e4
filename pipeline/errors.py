"""Every error newswire raises on purpose, in one tree.

::

    NewswireError
    ├── RejectedInput          the input is bad; nobody has to act
    │   └── UnusableContent    a page the clean stage cannot turn into text
    └── OperatorError          what the operator asked cannot be done as set up
        ├── CommandError       a command's arguments or inputs are wrong
        ├── BrokerError        the local broker cannot be assembled, started, stopped
        └── FeedListError      a feed list file (OPML, feed XML) cannot be read

At the edges, and only there, an error becomes an outcome:

* RejectedInput in a stage: a dead letter keeping the original bytes, with
  ``reason`` and ``error_type`` (``pipeline.codec.dead_letter``); in a
  poller: the feed or page is logged and skipped; in ``newswire process``:
  that input is reported and the exit code is 1, the others still run.
* OperatorError in the command line: ``newswire <command>: <message>`` on
  stderr and exit code 2 (``newswire.cli.main``).
* Anything else is a bug. A stage still dead-letters the message (error
  type ``processing``) and logs the traceback, so the stream goes on and
  nothing is lost; the command line lets it raise.
"""
from __future__ import annotations

#: Exit code of the command line for an OperatorError.
OPERATOR_EXIT = 2


class NewswireError(Exception):
    """Root of the errors newswire raises on purpose."""


class RejectedInput(NewswireError, ValueError):
    """An input a stage cannot use; ``reason`` says why in plain words and
    ``error_type`` is the dead letter's machine-readable kind."""

    def __init__(self, reason: str, error_type: str = "invalid") -> None:
        super().__init__(reason)
        self.reason = reason
        self.error_type = error_type


class UnusableContent(RejectedInput):
    """Content the clean stage cannot turn into text (empty, binary,
    oversized...); its dead letters have error type ``unusable``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, "unusable")


class OperatorError(NewswireError, RuntimeError):
    """A request the operator can fix; the message says what is wrong."""


class CommandError(OperatorError):
    """A command cannot go on with the arguments or inputs it was given."""


class BrokerError(OperatorError):
    """The local broker could not be assembled, started or stopped."""


class FeedListError(OperatorError, ValueError):
    """A feed list file is not readable OPML or feed XML (a ValueError too,
    as the parsers raised before the tree existed)."""
