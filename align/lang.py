"""Which language a text is in: Chinese or English, by the share of Han characters."""

from __future__ import annotations

from align.document import Lang
from align.normalize import is_cjk

__all__ = ["ZH_SHARE", "cjk_share", "detect_lang", "lang_warning"]

# A Chinese UN text still holds Latin symbols, numbers and names ("CD/2133", "GE.18-..."),
# yet Han characters are well over half its letters; an English text has none.
ZH_SHARE = 0.3

# A forced language "disagrees strongly" when the text is clearly the other one.
_STRONG_ZH = 0.6
_STRONG_EN = 0.02


def cjk_share(text: str) -> float:
    """Han characters / (Han characters + Latin letters); 0.0 when there are neither."""
    han = latin = 0
    for char in text:
        if is_cjk(char):
            han += 1
        elif char.isascii() and char.isalpha():
            latin += 1
    return han / (han + latin) if han + latin else 0.0


def detect_lang(text: str) -> Lang:
    """``Lang.ZH`` when Han characters make up at least ``ZH_SHARE`` of the letters, else EN."""
    return Lang.ZH if cjk_share(text) >= ZH_SHARE else Lang.EN


def lang_warning(text: str, forced: Lang, where: str) -> str | None:
    """A one-line warning when the forced language plainly contradicts the text, else None."""
    share = cjk_share(text)
    if forced is Lang.EN and share >= _STRONG_ZH:
        return (
            f"{where}: read as English (--lang en) but {share:.0%} of its letters are Chinese; "
            "check the file or drop --lang"
        )
    if forced is Lang.ZH and share <= _STRONG_EN:
        return (
            f"{where}: read as Chinese (--lang zh) but it has almost no Chinese characters; "
            "check the file or drop --lang"
        )
    return None
