"""The command line: argument parsing (main.py) and one module per command, each with
`register(subparsers) -> parser` and `run(args, paths) -> int`.

The only layer that reads argv and the environment and decides which folder is used; it may
import every layer below it, and the UI only to open the workbook.
"""
