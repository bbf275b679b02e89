"""The workbook's own themes: a calm default and a high-contrast one (Textual's stay too)."""

from __future__ import annotations

from textual.theme import Theme

CALM = Theme(
    name="workbook-calm",
    primary="#7FA7C9",
    secondary="#9DB8A0",
    accent="#D9B382",
    warning="#E0B872",
    error="#E08A7E",
    success="#9DB8A0",
    foreground="#E4E2DD",
    background="#1F2328",
    surface="#272C33",
    panel="#313841",
    dark=True,
)

HIGH_CONTRAST = Theme(
    name="workbook-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFAF00",
    error="#FF5F5F",
    success="#5FFF5F",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1C1C1C",
    dark=True,
    text_alpha=1.0,
    variables={
        "text-muted": "#FFFFFF",
        "border": "#FFFFFF",
        "footer-key-foreground": "#FFFF00",
        "input-selection-background": "#FFFF00 40%",
    },
)

THEMES = [CALM, HIGH_CONTRAST]
DEFAULT_THEME = CALM.name
