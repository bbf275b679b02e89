"""The answer widget for each kind of prompt."""

from __future__ import annotations

from typing import Any

from workbook.content.models import (
    ChecklistPrompt,
    ChoicePrompt,
    DatePrompt,
    ListPrompt,
    LongTextPrompt,
    PairsPrompt,
    Prompt,
    ScalePrompt,
    TextPrompt,
    YesNoPrompt,
)
from workbook.ui.widgets.answer_field import AnswerField
from workbook.ui.widgets.checklist_field import ChecklistField
from workbook.ui.widgets.choice_field import ChoiceField
from workbook.ui.widgets.date_field import DateField
from workbook.ui.widgets.list_field import ListField
from workbook.ui.widgets.long_text_field import LongTextField
from workbook.ui.widgets.pairs_field import PairsField
from workbook.ui.widgets.scale_field import ScaleField
from workbook.ui.widgets.text_field import TextField
from workbook.ui.widgets.yes_no_field import YesNoField

FIELD_FOR_PROMPT: dict[type, type[AnswerField]] = {
    TextPrompt: TextField,
    LongTextPrompt: LongTextField,
    ScalePrompt: ScaleField,
    ChoicePrompt: ChoiceField,
    ChecklistPrompt: ChecklistField,
    ListPrompt: ListField,
    PairsPrompt: PairsField,
    DatePrompt: DateField,
    YesNoPrompt: YesNoField,
}


def answer_field(
    prompt: Prompt, value: Any, draft: str | None = None, *, id: str | None = None
) -> AnswerField:
    return FIELD_FOR_PROMPT[type(prompt)](prompt, value, draft=draft, id=id)
