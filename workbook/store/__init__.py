"""The user's data on disk: the durable TinyDB storage (storage.py), the store of answers,
records and settings (database.py), backups, drafts, import and export (transfer.py), strict
JSON reading, and writing finished files (output.py).

The bottom layer: it imports only `workbook.paths`, `workbook.errors` and its own modules;
never Textual, argparse or the environment.
"""
