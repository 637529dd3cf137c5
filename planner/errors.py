"""The one base class for problems the user can act on; str() is one clear sentence."""


class UserError(Exception):
    """An error to show as is: the CLI prints it on one line, the window in a dialog."""
