"""A catalogue of hostile text: what a facilitator might paste, or an attacker might type.

Each string goes through every free-text field of the app and into the minutes (see
test_hostile.py). None may crash anything, reach the terminal raw, or change the structure
of the minutes.
"""

from __future__ import annotations

HOSTILE: tuple[str, ...] = (
    # Textual and Rich markup
    "[bold]vet[/bold]",
    "[/]",
    "[red on white]rood[/]",
    "[link=https://evil.example]klik[/link]",
    "[@click=app.quit]stop[/]",
    "[b]open zonder sluiten",
    "\\[escaped] [not]",
    # ANSI and OSC escape sequences, control characters
    "\x1b[31mrood\x1b[0m",
    "\x1b[2J\x1b[Hscherm gewist",
    "\x1b]0;nieuwe titel\x07",
    "\x1b]52;c;ZXZpbA==\x07 klembord",
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "\x9b31m C1-CSI",
    "bel\x07bel",
    "NUL\x00in het midden",
    "backspace\x08\x08\x08weg",
    "carriage\rreturn",
    "form\x0cfeed en \x0bverticale tab",
    "\x7f delete",
    # Markdown and HTML
    "# geen kop",
    "1. geen lijst",
    "- geen lijst",
    "> geen citaat",
    "| a | b |\n|---|---|",
    "**vet** _schuin_ `code` ~~doorgestreept~~",
    "[link](javascript:alert(1)) ![img](x)",
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    "<!-- commentaar -->",
    "&amp; &lt; &#x3C;script&#x3E;",
    "```\ncode block\n```",
    "    ingesprongen code",
    "---",
    "regel\\",
    # Paths and shells
    "../../../etc/passwd",
    "..\\..\\windows\\system32",
    "$(rm -rf ~) `reboot`; echo pwned",
    "%s %n %x {0} {{}}",
    # Unicode
    "Zoë Hendriks-Çelik, één café",
    "👩🏽‍⚕️ zorg 🏠 wonen 🇳🇱",
    "e\u0301\u0301\u0301 Z\u0336a\u0336l\u0336g\u0336o\u0336",
    "مرحبا بالجميع في الاجتماع",
    "\u202eesrever\u202c en \u200f rechts-naar-links",
    "中文 日本語 한국어",
    "zero\u200bwidth\ufeffjoiner",
    # Sizes and emptiness
    "",
    "   ",
    "\n\n\t\n",
    "x" * 100_000,
    "woord " * 2_000,
)

assert len(HOSTILE) >= 40
