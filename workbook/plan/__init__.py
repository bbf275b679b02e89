"""The personal recovery plan: the model built from the user's answers (model.py), its
renderers (render/: text, Markdown, HTML), and saving it as a file (export.py).

It may import the tracker, content and store; never the UI or the command line.
"""
