"""The one error every layer may raise for a problem the user can fix.

It sits beside paths.py, below every layer, so that the plan export and the store can say
"this file cannot be written" in words the command line prints as they are.
"""


class UserError(Exception):
    """A problem the user can fix; the message is printed as it is."""
