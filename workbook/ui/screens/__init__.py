"""Screens: one per file. `registry.py` names the ones the app can open by name."""
