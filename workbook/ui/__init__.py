"""The Textual app: WorkbookApp (app.py), starting it (launch.py), one file per screen
(screens/, imported when first opened), widgets/, and the .tcss styles.

The only layer that imports textual or rich. It may import every layer below it; never the
command line, and it reads no argv or environment.
"""
