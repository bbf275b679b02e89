"""Two years of a person's writing, made up: the saves that fill a benchmark store.

Every revision is one `save_answer` with its own visit, spread over the bundled exercises'
prompts. Longtext answers are a few hundred bytes of plain words; lists a few short entries.
The first longtext prompt (the "focus" prompt) gets a fixed share, so that a 10,000-revision
store holds one prompt with 1,000 revisions for the history figure.

A store can be built two ways that give the same file: one durable `save_answer` at a time
(`fill_by_saving`, slow at 50,000 because every save is fsynced), or by grouping the same saves
into answer documents and writing them with one `store.replace_tables` (`fill_by_replacing`).
`check_same_file` proves the two agree, so the fast way measures what the slow way would make.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from workbook.content.loading import Content
from workbook.content.models import Exercise
from workbook.paths import Paths
from workbook.store.database import WorkbookStore, to_stamp
from workbook.store.storage import read_database_file

START = dt.datetime(2024, 3, 1, 7, 0, tzinfo=dt.timezone.utc)
TWO_YEARS = dt.timedelta(days=730)
FOCUS_REVISIONS = 1_000
# Longtext prompts are rewritten most; one-click prompts least.
WEIGHTS = {"longtext": 4, "list": 2, "pairs": 2, "text": 2, "checklist": 1, "choice": 1, "scale": 1}
WEIGHT_OTHERS = 1

PASSAGE = (
    "I am learning to trust what I saw and heard. He said it was my fault again and I believed "
    "it for a while. Today I kept my distance and it hurt less than yesterday. My sister "
    "listened without judging me. I want my evenings back, my sleep, my friends, the person I "
    "was before. When the message came I put the phone in the drawer and went for a walk. "
    "Nothing I did was ever enough for him. The promises always came after the silence. I "
    "noticed the pull at night, when the house is quiet. Writing it down helps me see it "
    "clearly. I deserve kindness that does not have to be earned."
)
WORDS = PASSAGE.split()


@dataclass(frozen=True)
class Save:
    exercise: str
    prompt: str
    value: Any
    visit: str
    saved_at: dt.datetime


class BenchClock:
    """The store's clock, moved to each made-up save's moment."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> dt.datetime:
        return self.now


def prompt_type(prompt: Any) -> str:
    """ "text", "longtext", ...: the tag the prompt has in its exercise file."""
    return prompt.__struct_config__.tag


def focus_prompt(content: Content) -> tuple[Exercise, str]:
    """The first longtext prompt of the bundled exercises: typed into, and its history read."""
    for exercise in content.catalog.exercises:
        for prompt in exercise.prompts():
            if prompt_type(prompt) == "longtext":
                return exercise, prompt.id
    raise RuntimeError("no longtext prompt in the bundled exercises")


def make_saves(content: Content, total: int, seed: int = 2024) -> list[Save]:
    """`total` saves, each a new revision (never equal to the one before it), oldest first."""
    rng = random.Random(seed)
    focus_exercise, focus_id = focus_prompt(content)
    prompts = [
        (exercise, prompt)
        for exercise in content.catalog.exercises
        for prompt in exercise.prompts()
        if not (exercise.id == focus_exercise.id and prompt.id == focus_id)
    ]
    focus = next(p for p in focus_exercise.prompts() if p.id == focus_id)
    focus_count = min(FOCUS_REVISIONS, total // 10)
    weights = [WEIGHTS.get(prompt_type(prompt), WEIGHT_OTHERS) for _, prompt in prompts]
    picks = [(focus_exercise, focus)] * focus_count
    picks += rng.choices(prompts, weights=weights, k=total - focus_count)
    rng.shuffle(picks)

    step = TWO_YEARS / max(total, 1)
    last: dict[tuple[str, str], Any] = {}
    saves = []
    for index, (exercise, prompt) in enumerate(picks):
        key = (exercise.id, prompt.id)
        value = _value_for(prompt, rng, last.get(key))
        assert prompt.is_valid_value(value), (key, value)
        last[key] = value
        moment = START + index * step
        saves.append(Save(exercise.id, prompt.id, value, f"visit-{index:06d}", moment))
    return saves


def _value_for(prompt: Any, rng: random.Random, previous: Any) -> Any:
    while True:
        value = _any_value(prompt, rng, previous)
        if value != previous:
            return value


def _any_value(prompt: Any, rng: random.Random, previous: Any) -> Any:
    kind = prompt_type(prompt)
    if kind == "longtext":
        return _sentences(rng, rng.randint(200, 600))
    if kind == "text":
        return _words(rng, rng.randint(3, 9))
    if kind == "list":
        return [_words(rng, rng.randint(2, 7)) for _ in range(rng.randint(2, 8))]
    if kind == "pairs":
        return [
            [_words(rng, rng.randint(2, 6)), _words(rng, rng.randint(3, 9))]
            for _ in range(rng.randint(2, 6))
        ]
    if kind == "checklist":
        chosen = rng.sample(prompt.options, rng.randint(1, len(prompt.options)))
        if prompt.other and rng.random() < 0.3:
            chosen.append("Other: " + _words(rng, rng.randint(2, 6)))
        return chosen
    if kind == "choice":
        if prompt.other and rng.random() < 0.2:
            return "Other: " + _words(rng, rng.randint(2, 6))
        return rng.choice(prompt.options)
    if kind == "scale":
        return rng.randint(prompt.min, prompt.max)
    if kind == "date":
        return (START.date() + dt.timedelta(days=rng.randint(0, 730))).isoformat()
    if kind == "yesno":
        return not previous if isinstance(previous, bool) else rng.random() < 0.5
    raise ValueError(f"no made-up value for a {kind!r} prompt")


def _words(rng: random.Random, count: int) -> str:
    start = rng.randrange(len(WORDS))
    return " ".join(WORDS[(start + i) % len(WORDS)] for i in range(count))


def _sentences(rng: random.Random, size: int) -> str:
    """About `size` characters of words, in paragraphs now and then."""
    parts: list[str] = []
    length = 0
    while length < size:
        part = _words(rng, rng.randint(6, 18))
        parts.append(part)
        length += len(part) + 1
    return "".join(part + ("\n\n" if i % 4 == 3 else " ") for i, part in enumerate(parts)).strip()


def fill_by_saving(paths: Paths, saves: Iterable[Save]) -> None:
    """The slow, faithful way: one durable save_answer per revision."""
    clock = BenchClock()
    with WorkbookStore.open(paths, clock, backup=False) as store:
        for save in saves:
            clock.now = save.saved_at
            if not store.save_answer(save.exercise, save.prompt, save.value, visit=save.visit):
                raise RuntimeError(f"a made-up save changed nothing: {save}")


def answer_documents(saves: Iterable[Save]) -> Iterator[dict[str, Any]]:
    """The answer documents `save_answer` would have made, in the order it would insert them."""
    docs: dict[tuple[str, str], dict[str, Any]] = {}
    for save in saves:
        revision = {"value": save.value, "saved_at": to_stamp(save.saved_at), "visit": save.visit}
        key = (save.exercise, save.prompt)
        if key not in docs:
            docs[key] = {"exercise": save.exercise, "prompt": save.prompt, "revisions": []}
        docs[key]["revisions"].append(revision)
    return iter(docs.values())


def fill_by_replacing(paths: Paths, saves: Iterable[Save]) -> None:
    """The fast way: the same documents, written in one atomic save through the store."""
    with WorkbookStore.open(paths, BenchClock(), backup=False) as store:
        store.replace_tables(answer_documents(saves), {})


def check_same_file(saved: Paths, replaced: Paths) -> None:
    """Both ways of building must leave the same database, or the fast way is not honest."""
    if read_database_file(saved.data_file) != read_database_file(replaced.data_file):
        raise RuntimeError(
            "building by replace_tables gave a different file than save_answer one by one"
        )
