"""The candidate inventory: which monolingual candidates occur in which aligned pair.

Both sides are counted per aligned pair (a candidate counts once per pair), defined short
forms count for their long form, and candidates that are only ever seen inside one longer
candidate (消极安全 inside 消极安全保证) are dropped: they are fragments, not terms.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from glossary import abbrev, en_terms, zh_terms
from glossary.config import GlossaryConfig

# a candidate seen inside one longer candidate at least this share of the time is a fragment
FRAGMENT_SHARE = 0.85


@dataclass(frozen=True)
class TextPair:
    """One aligned pair of texts and where it comes from."""

    document: str
    link: str
    zh: str
    en: str


@dataclass
class Inventory:
    """Candidates of each side, their pair-occurrence matrices and their forms."""

    pairs: list[TextPair]
    zh_keys: list[str]
    en_keys: list[str]
    zh_matrix: sparse.csr_matrix  # pairs x zh candidates, 1 where the candidate occurs
    en_matrix: sparse.csr_matrix
    en_forms: list[Counter[str]]  # surface forms seen for each English key
    zh_short: dict[str, set[str]] = field(default_factory=dict)  # long form -> defined short forms
    en_short: dict[str, set[str]] = field(default_factory=dict)  # long key -> defined acronyms

    @property
    def zh_freq(self) -> np.ndarray:
        return np.asarray(self.zh_matrix.sum(axis=0)).ravel()

    @property
    def en_freq(self) -> np.ndarray:
        return np.asarray(self.en_matrix.sum(axis=0)).ravel()

    def en_surface(self, j: int) -> str:
        """The form an English candidate is written in most often (ties: alphabetical)."""
        forms = self.en_forms[j]
        return min(forms, key=lambda f: (-forms[f], f))


def collect(pairs: list[TextPair], config: GlossaryConfig) -> Inventory:
    """Count every candidate of both languages over ``pairs``."""
    zh_alias, en_alias, zh_short, en_short, long_forms = _short_forms(pairs)
    zh_sets: list[set[str]] = []
    en_sets: list[set[str]] = []
    en_forms: dict[str, Counter[str]] = defaultdict(Counter)
    for pair in pairs:
        zh_found = zh_terms.candidates(pair.zh, config.max_zh_words, config.max_zh_chars)
        zh_found |= {zh_alias[s] for s in zh_found if s in zh_alias}
        zh_sets.append(zh_found)
        en_found = en_terms.candidates(pair.en, config.max_en_words)
        for key, surface in en_found.items():
            en_forms[key][surface] += 1
        keys = set(en_found) | {en_alias[k] for k in en_found if k in en_alias}
        # a defined long form counts where it is written, even inside a longer name
        # ("the Second Summit of the Community of Latin American and Caribbean States (CELAC)")
        keys |= {key for key, forms in long_forms.items() if any(form in pair.en for form in forms)}
        en_sets.append(keys)
    # a defined short form counts for its long form and is not a candidate of its own
    zh_keys = [k for k in _keep(zh_sets, config.count_needed(len(pairs)), _zh_parts) if k not in zh_alias]
    names = {k for k, forms in en_forms.items() if forms.most_common(1)[0][0][0].isupper()}
    en_keys = [k for k in _keep(en_sets, config.count_needed(len(pairs)), lambda key: _en_parts(key, names)) if k not in en_alias]
    return Inventory(
        pairs=pairs,
        zh_keys=zh_keys,
        en_keys=en_keys,
        zh_matrix=_matrix(zh_sets, zh_keys),
        en_matrix=_matrix(en_sets, en_keys),
        en_forms=[en_forms[k] or long_forms.get(k) or Counter({k: 1}) for k in en_keys],
        zh_short={k: v for k, v in zh_short.items() if k in set(zh_keys)},
        en_short={k: v for k, v in en_short.items() if k in set(en_keys)},
    )


def _short_forms(pairs: list[TextPair]):
    """Short forms defined anywhere in the input, as alias maps and per-long-form sets."""
    zh_alias: dict[str, str] = {}
    en_alias: dict[str, str] = {}
    zh_short: dict[str, set[str]] = defaultdict(set)
    en_short: dict[str, set[str]] = defaultdict(set)
    long_forms: dict[str, Counter[str]] = defaultdict(Counter)  # how each defined long form is written
    for pair in pairs:
        for form in abbrev.chinese(pair.zh):
            zh_alias.setdefault(form.short, form.long)
            zh_short[form.long].add(form.short)
        for form in abbrev.english(pair.en):
            short_key, long_key = abbrev.english_key(form)
            long_forms[long_key][form.long] += 1
            en_alias.setdefault(short_key, long_key)
            en_short[long_key].add(short_key)
    return zh_alias, en_alias, dict(zh_short), dict(en_short), long_forms


def _zh_parts(key: str) -> list[str]:
    """Substrings of ``key`` it may hide; not across 的 (21国集团协调员 in 21国集团协调员的身份)."""
    return [
        key[i:j]
        for i in range(len(key))
        for j in range(i + 2, len(key) + 1)
        if j - i < len(key) and "的" not in key[:i] and "的" not in key[j:]
    ]


def _en_parts(key: str, names: set[str]) -> list[str]:
    """Word runs of ``key`` it may hide. After a connector only a name inside a name is hidden
    ("Foreign Affairs of Ukraine" in "Ministry of Foreign Affairs of Ukraine"); anything else
    there stands on its own ("civil society" in "United Nations system and civil society",
    "International Court of Justice" in "conclusion of the International Court of Justice")."""
    words = key.split(" ")
    parts = []
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            part = " ".join(words[i:j])
            after_connector = i > 0 and words[i - 1] in en_terms.CONNECTORS
            if j - i < len(words) and (not after_connector or (part in names and key in names)):
                parts.append(part)
    return parts


def _keep(sets: list[set[str]], min_count: int, parts) -> list[str]:
    """Candidates seen ``min_count`` times that are not mere fragments of a longer one.

    A fragment is counted inside a longer candidate only in pairs where both were found
    (核武器国家 is not hidden by 无核武器国家 where jieba cut that as 无核武器/国家).
    """
    counts: Counter[str] = Counter()
    for found in sets:
        counts.update(found)
    frequent = {k: n for k, n in counts.items() if n >= min_count}
    where: dict[str, list[int]] = defaultdict(list)
    for row, found in enumerate(sets):
        for key in found:
            if key in frequent:
                where[key].append(row)
    inside: dict[str, int] = defaultdict(int)  # most occurrences inside one longer candidate
    for key, rows in where.items():
        for part in parts(key):
            if part in frequent and frequent[part] > inside[part]:
                together = sum(1 for row in rows if part in sets[row])
                inside[part] = max(inside[part], together)
    return sorted(k for k, n in frequent.items() if inside.get(k, 0) < FRAGMENT_SHARE * n)


def _matrix(sets: list[set[str]], keys: list[str]) -> sparse.csr_matrix:
    index = {k: i for i, k in enumerate(keys)}
    rows, cols = [], []
    for row, found in enumerate(sets):
        for key in found:
            col = index.get(key)
            if col is not None:
                rows.append(row)
                cols.append(col)
    data = np.ones(len(rows), dtype=np.float32)
    return sparse.csr_matrix((data, (rows, cols)), shape=(len(sets), len(keys)), dtype=np.float32)
