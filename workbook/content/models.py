"""Exercises as data: the models, strict loading, and the checks across files.

An exercise file is JSON written by people (us, and users adding their own). Anything
wrong in it is reported with the file, the exercise id and the field path; a bad user
file is skipped, never fatal.
"""

# No `from __future__ import annotations` here: msgspec would have to evaluate every model's
# annotations from strings the first time it converts an exercise (about 4 ms of start-up).
import datetime as dt
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import msgspec
from msgspec import Meta, Struct

from workbook.store.strict_json import DataFileError, convert, read_json_file

Id = Annotated[str, Meta(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60)]
Words = Annotated[str, Meta(min_length=1, max_length=4000)]
OptionText = Annotated[str, Meta(min_length=1, max_length=200)]

OTHER_PREFIX = "Other: "


class _Prompt(Struct, kw_only=True, forbid_unknown_fields=True, tag_field="type"):
    id: Id
    label: Words
    help: str = ""
    # The id of the plan section this answer feeds, from plan.json.
    plan: Id | None = None
    # What the answer is called in the plan, in the user's own voice ("What it cost me");
    # the label (the question) when there is none.
    plan_label: Annotated[str, Meta(min_length=1, max_length=200)] | None = None
    # Where the answer stands among the others in its plan part: lower comes first; equal
    # ones keep the order of the exercises and their questions.
    plan_order: Annotated[int, Meta(ge=0, le=1000)] = 100

    @property
    def type(self) -> str:
        """The prompt type as written in the file: "text", "scale", ..."""
        return self.__struct_config__.tag

    def is_valid_value(self, value: Any) -> bool:
        return isinstance(value, str)

    def is_empty(self, value: Any) -> bool:
        return value is None or value == "" or value == []


class TextPrompt(_Prompt, tag="text", kw_only=True):
    placeholder: str = ""


class LongTextPrompt(_Prompt, tag="longtext", kw_only=True):
    placeholder: str = ""


class ScalePrompt(_Prompt, tag="scale", kw_only=True):
    min: int = 0
    max: int = 10
    min_label: Words
    max_label: Words

    def __post_init__(self) -> None:
        if not 0 <= self.min < self.max <= 100:
            raise ValueError("a scale needs 0 <= min < max <= 100")

    def is_valid_value(self, value: Any) -> bool:
        return type(value) is int and self.min <= value <= self.max


class ChoicePrompt(_Prompt, tag="choice", kw_only=True):
    options: Annotated[list[OptionText], Meta(min_length=2, max_length=30)]
    # Allow an answer of the user's own words beside the options.
    other: bool = False
    # Options that show the emergency and domestic-abuse lines of the user's region right
    # under the question ("Yes" and "Not sure" to "Are you in any danger?").
    show_crisis_lines_for: list[OptionText] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        _check_options(self.options)
        if not set(self.show_crisis_lines_for) <= set(self.options):
            raise ValueError("show_crisis_lines_for names an option the prompt does not have")

    def is_valid_value(self, value: Any) -> bool:
        return isinstance(value, str) and (
            value in self.options or (self.other and value.startswith(OTHER_PREFIX))
        )


class ChecklistPrompt(_Prompt, tag="checklist", kw_only=True):
    options: Annotated[list[OptionText], Meta(min_length=2, max_length=40)]
    other: bool = False

    def __post_init__(self) -> None:
        _check_options(self.options)

    def is_valid_value(self, value: Any) -> bool:
        return isinstance(value, list) and all(
            isinstance(item, str)
            and (item in self.options or (self.other and item.startswith(OTHER_PREFIX)))
            for item in value
        )


class ListPrompt(_Prompt, tag="list", kw_only=True):
    # What one entry is called on the add button: "trigger", "person", "reason".
    item_label: OptionText = "entry"

    def is_valid_value(self, value: Any) -> bool:
        return isinstance(value, list) and all(isinstance(item, str) for item in value)


Column = Annotated[str, Meta(min_length=1, max_length=60)]


class PairsPrompt(_Prompt, tag="pairs", kw_only=True):
    """A two-column list: each entry is [first, second], such as a trigger and what the user
    will do instead. The first column is the thing itself; the second may be left blank."""

    columns: Annotated[list[Column], Meta(min_length=2, max_length=2)]
    # What one entry is called on the add button: "trigger", "sign".
    item_label: OptionText = "entry"

    def is_valid_value(self, value: Any) -> bool:
        return isinstance(value, list) and all(
            isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)
            for item in value
        )

    def is_empty(self, value: Any) -> bool:
        return not as_pairs(value)


def as_pairs(value: Any) -> list[tuple[str, str]]:
    """A saved answer read as pairs. A plain line (from before the prompt had two columns,
    or from an older file) becomes a pair with an empty second column: nothing is dropped."""
    if not isinstance(value, list):
        return [(value, "")] if isinstance(value, str) and value.strip() else []
    pairs = []
    for item in value:
        if isinstance(item, list | tuple) and len(item) == 2:
            pairs.append((str(item[0]), str(item[1])))
        elif isinstance(item, str):
            pairs.append((item, ""))
    return [pair for pair in pairs if pair[0].strip() or pair[1].strip()]


class DatePrompt(_Prompt, tag="date", kw_only=True):
    def is_valid_value(self, value: Any) -> bool:
        if not isinstance(value, str):
            return False
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return False
        return len(value) == 10


class YesNoPrompt(_Prompt, tag="yesno", kw_only=True):
    def is_valid_value(self, value: Any) -> bool:
        return isinstance(value, bool)

    def is_empty(self, value: Any) -> bool:
        return value is None


Prompt = Union[  # noqa: UP007 - msgspec needs a real Union for tagged unions
    TextPrompt,
    LongTextPrompt,
    ScalePrompt,
    ChoicePrompt,
    ChecklistPrompt,
    ListPrompt,
    PairsPrompt,
    DatePrompt,
    YesNoPrompt,
]

PROMPT_TYPES = (
    "text",
    "longtext",
    "scale",
    "choice",
    "checklist",
    "list",
    "pairs",
    "date",
    "yesno",
)


def _check_options(options: list[str]) -> None:
    if len(set(options)) != len(options):
        raise ValueError("an option appears twice")


class Section(Struct, kw_only=True, forbid_unknown_fields=True):
    id: Id
    title: Words
    intro: str = ""
    # For sections that repeat one pattern (the three needs): the name the plan groups this
    # section's answers under, in the user's voice ("Feeling that I matter").
    plan_group: Annotated[str, Meta(min_length=1, max_length=200)] | None = None
    prompts: Annotated[list[Prompt], Meta(min_length=1)]


class Exercise(Struct, kw_only=True, forbid_unknown_fields=True):
    schema: str | None = msgspec.field(default=None, name="$schema")
    id: Id
    title: Words
    summary: Words
    intro: Words
    # About how long a first pass takes, shown before the user starts.
    minutes: Annotated[int, Meta(ge=1, le=600)] | None = None
    # Where it stands on the home screen; ties go by title.
    order: int = 100
    sections: Annotated[list[Section], Meta(min_length=1)]

    def prompts(self) -> list[Prompt]:
        return [prompt for section in self.sections for prompt in section.prompts]

    def prompt(self, prompt_id: str) -> Prompt | None:
        return next((p for p in self.prompts() if p.id == prompt_id), None)

    def section_of(self, prompt_id: str) -> Section | None:
        return next((s for s in self.sections if any(p.id == prompt_id for p in s.prompts)), None)


class PlanSection(Struct, kw_only=True, forbid_unknown_fields=True):
    id: Id
    title: Words
    intro: str = ""
    # "answers": filled from prompts that name it; the others are built by the program.
    kind: Literal["answers", "header", "progress"] = "answers"


class PlanOutline(Struct, kw_only=True, forbid_unknown_fields=True):
    schema: str | None = msgspec.field(default=None, name="$schema")
    title: Words
    sections: Annotated[list[PlanSection], Meta(min_length=1)]

    def section_ids(self) -> list[str]:
        return [section.id for section in self.sections]


class CrisisLine(Struct, kw_only=True, forbid_unknown_fields=True):
    name: Words
    # At least one of: a number to call, a way to text ("START to 88788": shown after "text").
    call: str | None = None
    text: str | None = None
    hours: str = ""
    purpose: str = ""
    # What the line is for: the danger question shows the "emergency" and "abuse" lines of
    # the user's region right where it is asked.
    kind: Literal["emergency", "abuse", "crisis", "other"] = "other"


class Region(Struct, kw_only=True, forbid_unknown_fields=True):
    id: Id
    name: Words
    lines: Annotated[list[CrisisLine], Meta(min_length=1)]


class Resources(Struct, kw_only=True, forbid_unknown_fields=True):
    schema: str | None = msgspec.field(default=None, name="$schema")
    note: str = ""
    regions: Annotated[list[Region], Meta(min_length=1)]


class Catalog(msgspec.Struct):
    """The exercises that loaded, in home-screen order, and what was wrong with the rest."""

    exercises: list[Exercise] = msgspec.field(default_factory=list)
    problems: list[str] = msgspec.field(default_factory=list)
    sources: dict[str, Path] = msgspec.field(default_factory=dict)

    def get(self, exercise_id: str) -> Exercise | None:
        return next((e for e in self.exercises if e.id == exercise_id), None)


def _duplicates(ids: list[str]) -> list[str]:
    seen: set[str] = set()
    return sorted({i for i in ids if i in seen or seen.add(i)})


def check_exercise(exercise: Exercise, plan_ids: set[str] | None) -> list[str]:
    """Rules that span fields: unique ids inside the exercise, plan references that resolve."""
    problems = []
    for dup in _duplicates([s.id for s in exercise.sections]):
        problems.append(f"the section id {dup!r} is used twice")
    for dup in _duplicates([p.id for p in exercise.prompts()]):
        problems.append(f"the prompt id {dup!r} is used twice")
    if plan_ids is not None:
        for index, section in enumerate(exercise.sections):
            for position, prompt in enumerate(section.prompts):
                if prompt.plan is not None and prompt.plan not in plan_ids:
                    problems.append(
                        f"$.sections[{index}].prompts[{position}].plan: no plan section "
                        f"is called {prompt.plan!r}"
                    )
    return problems


def parse_exercise(raw: Any, path: Path, plan_ids: set[str] | None) -> Exercise:
    exercise_id = raw.get("id") if isinstance(raw, dict) else None
    context = f"exercise {exercise_id!r}" if isinstance(exercise_id, str) else ""
    exercise = convert(raw, Exercise, path, context)
    problems = check_exercise(exercise, plan_ids)
    if problems:
        raise DataFileError(path, f"exercise {exercise.id!r}: " + "; ".join(problems))
    return exercise


def load_exercise_file(path: Path, plan_ids: set[str] | None = None) -> Exercise:
    return parse_exercise(read_json_file(path), path, plan_ids)


# Files in an exercises folder that are not exercises.
NOT_EXERCISES = {"plan.json", "resources.json", "schema.json"}


def exercise_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if p.name not in NOT_EXERCISES)


def load_catalog(folders: list[Path], plan_ids: set[str] | None) -> Catalog:
    """Load every exercise file in `folders` (bundled first); skip and report bad ones."""
    catalog = Catalog()
    for folder in folders:
        for path in exercise_files(folder):
            try:
                exercise = load_exercise_file(path, plan_ids)
            except DataFileError as error:
                catalog.problems.append(str(error))
                continue
            if exercise.id in catalog.sources:
                catalog.problems.append(
                    f"{path}: the exercise id {exercise.id!r} is already used by "
                    f"{catalog.sources[exercise.id]}; this file was skipped"
                )
                continue
            catalog.sources[exercise.id] = path
            catalog.exercises.append(exercise)
    catalog.exercises.sort(key=lambda e: (e.order, e.title.casefold()))
    return catalog


def load_plan_outline(path: Path) -> PlanOutline:
    outline = convert(read_json_file(path), PlanOutline, path)
    dups = _duplicates(outline.section_ids())
    if dups:
        raise DataFileError(path, f"the plan section id {dups[0]!r} is used twice")
    return outline


def load_resources(path: Path) -> Resources:
    resources = convert(read_json_file(path), Resources, path)
    for r_index, region in enumerate(resources.regions):
        for l_index, line in enumerate(region.lines):
            if not (line.call or line.text):
                raise DataFileError(
                    path,
                    f"$.regions[{r_index}].lines[{l_index}]: give a number to call or to text",
                )
    return resources


def exercise_schema() -> dict[str, Any]:
    """The JSON Schema of an exercise file, generated from the models above."""
    return msgspec.json.schema(Exercise)
