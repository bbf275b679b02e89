"""The workbook in plain lines, for screen readers, slow links and terminals that are not one.

A conversation on a text input and a text output: each question said once, answered with a
line (or a few), saved the moment it is given through the same store as the app. No colour,
no cursor movement, no redrawing, no line longer than the width it is given.

It may import the plan, the tracker, content and the store; never Textual or rich, never
argparse, and it reads no environment: the command line hands it its streams and width.
"""
