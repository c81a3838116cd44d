"""term-forbidden: the target uses a form the glossary forbids, wherever it appears.

Forbidden forms are a row's ``forbidden`` entries in the target language, and the
target-language form of a row whose status is ``forbidden``. Allowed forms are matched in
the same pass, longest first, so a forbidden form inside an allowed one is not reported.
"""

from __future__ import annotations

from typing import Sequence

from glossary.checks.pair import Context, Pair, finding
from glossary.finding import CheckId, Finding, Side, Span
from glossary.matching import FormIndex, lang_of_form
from glossary.term import Status, Term


def _forbidden(term: Term, context: Context) -> tuple[str, ...]:
    forms = [f for f in term.forbidden if f.strip() and lang_of_form(f) is context.target_lang]
    if term.status is Status.FORBIDDEN:
        forms.append(context.form_lists(term)[1][0])
    return tuple(forms)


def find(pairs: Sequence[Pair], context: Context) -> list[Finding]:
    """One finding per forbidden form found in a target segment."""
    allowed: list[tuple[int, str]] = []
    banned: list[tuple[int, str]] = []
    expected: dict[int, str] = {}
    for term in context.terms:
        forms = _forbidden(term, context)
        if term.status is not Status.FORBIDDEN:
            allowed.extend((-1, f) for f in context.form_lists(term)[1])
        for form in forms:
            key = len(banned)
            banned.append((key, form))
            # a forbidden-status row says what not to write, not what to write instead
            expected[key] = context.form_lists(term)[1][0] if term.status is not Status.FORBIDDEN else ""
    if not banned:
        return []
    index = FormIndex(allowed + banned, context.target_lang)
    out: list[Finding] = []
    for pair in pairs:
        if not pair.target.strip():
            continue
        for occ in index.find(pair.target):
            if occ.key < 0:
                continue
            want = expected[occ.key]
            out.append(
                finding(
                    CheckId.TERM_FORBIDDEN,
                    pair,
                    context,
                    expected=want,
                    found=pair.target[occ.start : occ.end],
                    note=f"'{occ.form}' is forbidden" + (f"; use '{want}'" if want else ""),
                    spans=[Span(Side.TARGET, occ.start, occ.end)],
                )
            )
    return out
