"""The one exception type whose message is meant for the person using the app."""


class InputError(ValueError):
    """Bad input. `str(error)` is one plain sentence to show the user as it is."""
