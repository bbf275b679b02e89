"""Answers typed but not yet written to the store.

The exercise screen puts each change here as the user types; a worker thread writes them a
second later, and leaving a prompt, a screen or the app writes them at once. Writes happen
one batch at a time, so an older value can never land after a newer one.

A date that is not a date yet cannot be an answer, but it is still the user's words: it is
kept as a draft record until it becomes a real date or is cleared. Other words that are not
saved yet keep their drafts here too, under their own key (a slip written but not recorded).
"""

from __future__ import annotations

import threading
from typing import Any

import msgspec

from workbook.store.database import WorkbookStore

DRAFTS_TABLE = "drafts"
# Where the user left off: {"exercise": id, "prompts": {exercise id: prompt id}}.
RESUME_SETTING = "resume"


class ResumePlaces(msgspec.Struct):
    exercise: str | None = None
    prompts: dict[str, str] = msgspec.field(default_factory=dict)


def resume_places(store: WorkbookStore) -> ResumePlaces:
    """Where the user left off; nothing remembered when the setting has another shape (an old
    file, an import), rather than a crash at start-up."""
    try:
        return msgspec.convert(store.setting(RESUME_SETTING), ResumePlaces)
    except msgspec.ValidationError:
        return ResumePlaces()


def resume_setting(store: WorkbookStore, exercise_id: str, prompt_id: str) -> dict[str, Any]:
    """The resume setting's new value once the user is at `prompt_id` of `exercise_id`."""
    prompts = {**resume_places(store).prompts, exercise_id: prompt_id}
    return {"exercise": exercise_id, "prompts": prompts}


def draft_key(exercise_id: str, prompt_id: str) -> str:
    return f"{exercise_id}/{prompt_id}"


def draft(store: WorkbookStore, key: str) -> dict[str, Any] | None:
    """A draft kept under `key` ({"text": ..., and what else was kept}), or None."""
    doc = store.record(DRAFTS_TABLE, key)
    return doc if doc is not None and doc.get("text") is not None else None


def keep_draft(store: WorkbookStore, key: str, text: str, **more: Any) -> None:
    store.put_record(DRAFTS_TABLE, key, {"text": text, **more})


def forget_draft(store: WorkbookStore, key: str) -> None:
    store.put_record(DRAFTS_TABLE, key, {"text": None})


def saved_draft(store: WorkbookStore, exercise_id: str, prompt_id: str) -> str | None:
    """Words typed for a prompt that could not be saved as its answer yet (a bad date)."""
    doc = draft(store, draft_key(exercise_id, prompt_id))
    return None if doc is None else doc["text"]


class PendingAnswer(msgspec.Struct, frozen=True):
    value: Any
    visit: str | None
    # Set when what was typed is not a valid answer: kept as a draft, the answer untouched.
    draft: str | None = None


class PendingSaves:
    """The newest unsaved value of each prompt; `flush` writes them. Safe across threads."""

    def __init__(self, store: WorkbookStore) -> None:
        self._store = store
        self._pending: dict[tuple[str, str], PendingAnswer] = {}
        self._pending_lock = threading.Lock()
        # Held while a batch is taken and written, so batches land in the order they were taken.
        self._write_lock = threading.Lock()

    def put(self, exercise_id: str, prompt_id: str, pending: PendingAnswer) -> None:
        if self._store.read_only:
            return
        with self._pending_lock:
            self._pending[(exercise_id, prompt_id)] = pending

    def __bool__(self) -> bool:
        with self._pending_lock:
            return bool(self._pending)

    def flush(self) -> int:
        """Write everything pending; return how many answers changed.

        If a write fails (a full disk), what was not written goes back in the queue, unless
        something newer was typed meanwhile, and the error is raised.
        """
        with self._write_lock:
            with self._pending_lock:
                batch, self._pending = self._pending, {}
            changed = 0
            items = list(batch.items())
            for index, ((exercise_id, prompt_id), pending) in enumerate(items):
                try:
                    changed += self._write(exercise_id, prompt_id, pending)
                except BaseException:
                    with self._pending_lock:
                        for key, unsaved in items[index:]:
                            self._pending.setdefault(key, unsaved)
                    raise
            return changed

    def _write(self, exercise_id: str, prompt_id: str, pending: PendingAnswer) -> bool:
        store = self._store
        key = draft_key(exercise_id, prompt_id)
        if pending.draft is not None:
            keep_draft(store, key, pending.draft)
            return False
        if draft(store, key) is not None:
            forget_draft(store, key)
        return store.save_answer(exercise_id, prompt_id, pending.value, visit=pending.visit)
