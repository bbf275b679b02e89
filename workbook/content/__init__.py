"""What the workbook asks: the exercise models (models.py, msgspec Structs), loading the
bundled and the user's exercise files and crisis lines (loading.py), and the JSON Schema.

It may import the store's strict JSON reading and `workbook.paths`; nothing above it.
"""
