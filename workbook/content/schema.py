"""Regenerate exercises/schema.json: `python -m workbook.content.schema > exercises/schema.json`."""

import json

from workbook.content.models import exercise_schema


def schema_text() -> str:
    return json.dumps(exercise_schema(), indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    print(schema_text(), end="")
