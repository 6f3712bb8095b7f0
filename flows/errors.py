"""Errors that reach a user as one clear line.

Why one class: the CLI prints any PantauError as `error: <message>` and exits non-zero, and
prints a traceback only under --debug. Raise it with a message that names what and where
("sources.toml: source 'antara' field 'feed': not a URL").
"""


class PantauError(Exception):
    """A failure the user can act on; the message is shown as is."""


class ConfigError(PantauError):
    """A bad sources file, settings file or command-line value."""


class InputError(PantauError):
    """A corrupt or unreadable input file."""
