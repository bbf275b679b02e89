"""Widgets: one answer field per prompt type, and small shared pieces."""
