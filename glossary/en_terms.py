"""English term candidates: noun-phrase-shaped word runs, folded for number and case.

Without a tagger, a candidate is a run of words that starts and ends with a content word,
contains no verb form and no clause word, and uses connectors (of, on, the ...) only the
way names and noun phrases do: "Treaty on the Non-Proliferation of Nuclear Weapons",
"weapons of mass destruction", "nuclear-weapon-free zone". Hyphenated compounds are one
word. Candidates are counted under a key that folds case and the number of the last word
(zone/zones), while the surface form used most often is what the glossary shows.
"""

from __future__ import annotations

import re

from align.english import CONNECTORS, STOP, singular

# Sentence verbs of UN resolutions and common reporting verbs: a run containing one is a clause.
VERBS = frozenset(
    """reaffirm reaffirms reaffirmed reaffirming recall recalls recalled recalling welcome welcomes welcomed
    welcoming underline underlines underlined stress stresses stressed emphasize emphasizes emphasized
    emphasise emphasises urge urges urged call calls called calling note notes noted noting consider
    considers considered considering recognize recognizes recognized recognise recognises invite invites
    invited request requests requested decide decides decided decision-making express expresses expressed
    reiterate reiterates reiterated remain remains remained believe believes believed agree agrees agreed
    support supports supported commend commends commended take takes took taken make makes made give gives
    gave given provide provides provided adopt adopts adopted hold holds held establish establishes
    established set sets convene convenes convened seek seeks sought submit submits submitted continue
    continues continued become becomes became ensure ensures ensured need needs needed help helps helped
    look looks looked lead leads led underlines contribute contributes contributed promote promotes
    promoted exist exists existed pose poses posed fail fails failed put puts prevent prevents prevented
    pursue pursues pursued say says said state states stated see sees seen go goes went come comes came
    mean means meant show shows showed shown demonstrate demonstrates demonstrated declare declares declared
    commit commits committed achieve achieves achieved reach reaches reached aim aims aimed avail avails
    availed undertake undertakes undertaken undertook known written chosen driven""".split()
)
_LY_NOUNS = frozenset("assembly family supply anomaly monopoly rally homily reply italy july".split())
_ISE_NOUNS = frozenset("expertise enterprise exercise premise compromise franchise merchandise size prize".split())
# "states" is a verb above but a noun in "Member States": the capitalised form is kept.
_CAPITALISED_NOUNS = frozenset({"States", "State", "Means", "Calls", "Aims"})

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|\d+(?:/\d+)*")
_SPLIT = re.compile(r"[.,;:!?()\[\]\"“”‘’«»—–]+(?=\s|$)|[,;:!?()\[\]\"“”«»—–]")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9-]*[A-Z0-9](?:s|’s|'s)?$")


def tokens(text: str) -> list[list[str]]:
    """Word tokens, one list per clause piece between punctuation marks."""
    pieces = []
    for piece in _SPLIT.split(text):
        found = [t.rstrip(".") for t in _TOKEN.findall(piece)]
        # CELAC's -> CELAC; "Children's Fund" keeps its apostrophe
        found = [t[:-2] if t.endswith(("'s", "’s")) and t[:-2].isupper() else t for t in found]
        if found:
            pieces.append(found)
    return pieces


def fold(words: tuple[str, ...]) -> str:
    """The key a surface form is counted under: case and number folded, acronyms kept."""
    out = []
    for word in words:
        if not _is_acronym(word):
            out.append(singular(word))
        elif word.endswith("s") and word[:-1].isupper():
            out.append(word[:-1])  # NWFZs -> NWFZ
        else:
            out.append(word)
    return " ".join(out)


def _is_acronym(word: str) -> bool:
    return len(word) > 1 and bool(_ACRONYM.match(word)) and sum(c.isupper() for c in word) >= 2


# -ing words that are nouns ("high-level meeting", "capacity-building", "peacekeeping")
ING_NOUNS = frozenset(
    """meeting meetings working building financing funding training housing planning programming reporting monitoring
    trafficking understanding spending setting hearing hearings briefing briefings warning mapping dumping
    proceedings processing screening sharing banking policing learning fishing mining bombing bombings
    shelling killing killings fighting beginning pricing ruling drafting undertaking undertakings demining
    gathering holding holdings mainstreaming networking testing manufacturing stockpiling peacekeeping
    peacebuilding wellbeing well-being""".split()
)


def ing_noun(word: str) -> bool:
    """An -ing word used as a noun: listed, or the head of a compound (capacity-building)."""
    lower = word.lower()
    return lower in ING_NOUNS or ("-" in lower and lower.endswith(("building", "making", "keeping", "raising", "setting")))


def _content(word: str) -> bool:
    """A word that may stand at a term's edge."""
    lower = word.lower()
    if lower in STOP or word.isdigit() or "/" in word:
        return False
    if lower in VERBS and word not in _CAPITALISED_NOUNS:
        return False
    if word.islower() and lower.endswith(("ize", "izes", "ized", "ise", "ises")) and lower not in _ISE_NOUNS:
        return False  # mobilize, emphasize: verbs
    # -ly adverbs end clauses, not names ("legally binding" is inside a term)
    return not _adverb(word)


def _adverb(word: str) -> bool:
    lower = word.lower()
    return lower.endswith("ly") and len(lower) > 4 and lower not in _LY_NOUNS


def candidates(text: str, max_words: int = 9) -> dict[str, str]:
    """English term candidates in ``text``: folded key -> surface form as written."""
    found: dict[str, str] = {}
    for piece in tokens(text):
        n = len(piece)
        for i in range(n):
            if (piece[i].endswith("ing") and not ing_noun(piece[i])) or not (
                _content(piece[i]) or _adverb_before_participle(piece, i)
            ):
                continue
            if i > 0 and piece[i - 1].lower() == "to" and piece[i].islower():
                continue  # "to prohibit nuclear weapons": an infinitive
            connectors = 0
            for j in range(i, min(n, i + max_words)):
                word = piece[j]
                lower = word.lower()
                if lower in CONNECTORS:
                    connectors += lower != "the"  # "of the" is one link, not two
                    if j == i or connectors > 3:
                        break
                    if lower == "to" and not word_is_capitalised(piece, j + 1):
                        break  # "States to withdraw": an infinitive, not a name's "to the United Nations"
                    if lower in ("and", "or") and j + 1 < n and (
                        piece[j - 1][0].isupper() != piece[j + 1][0].isupper() or piece[j + 1].lower() == "the"
                    ):
                        break  # "World Trade Organization and other ...", "obligations and the ...": two things
                    if lower == "the" and piece[j - 1].lower() not in CONNECTORS:
                        break
                    continue
                if j > i and word.isdigit() and piece[i][0].isupper() and piece[j - 1].lower() == "of":
                    found[fold(tuple(piece[i : j + 1]))] = " ".join(piece[i : j + 1])  # Group of 21
                    break
                if not _content(word) and not (_adverb(word) and j + 1 < n and _adverb_before_participle(piece, j)):
                    break
                if connectors > 2 and not named(piece[i : j + 1]):
                    break
                if word.endswith("ing") and not named(piece[i : j + 1]) and not ing_noun(word):
                    if not _adverb(piece[j - 1]):
                        break  # "treaties establishing ...": a clause; "legally binding instrument" goes on
                    continue  # an -ing participle is never last
                if (_adverb(word) or lower.endswith("ed")) and len(lower) > 4 and word.islower():
                    continue  # adverbs and participles never end a term
                surface = tuple(piece[i : j + 1])
                if _truncated(piece, i, j):
                    continue
                found.setdefault(fold(surface), " ".join(surface))
    return found


def word_is_capitalised(piece: list[str], k: int) -> bool:
    """True when the word at ``k`` (skipping "the") is capitalised."""
    while k < len(piece) and piece[k].lower() == "the":
        k += 1
    return k < len(piece) and piece[k][0].isupper()


def _adverb_before_participle(piece: list[str], i: int) -> bool:
    """"legally binding instrument", "internationally agreed targets" start with an adverb."""
    return _adverb(piece[i]) and i + 1 < len(piece) and (piece[i + 1].endswith("ing") or piece[i + 1] == "agreed")


def _truncated(piece: list[str], i: int, j: int) -> bool:
    """A run that cuts a capitalised name ("Court of Justice", "secretariat of the Conference")."""
    if piece[i][0].isupper() and i > 0:
        before = i - 1
        while before > 0 and piece[before].lower() in CONNECTORS and piece[before].lower() != "of":
            # "Treaty on the | Non-Proliferation ..." is cut; after "of" a name may stand alone
            # ("President of the | Conference on Disarmament"): fragments are judged by counting
            before -= 1
        if piece[before][0].isupper() and piece[before].lower() not in STOP:
            return True
    if not piece[j][0].isupper():
        return False
    after = piece[j + 1 : j + 4]
    if after and after[0].lower() == "of" and len(after) > 1 and after[1].isdigit():
        return True  # "Group" in "Group of 21"
    while after and after[0].lower() in CONNECTORS:
        after = after[1:]
    return bool(after) and after[0][0].isupper() and after[0].lower() not in STOP


def named(words: list[str]) -> bool:
    """True when every content word is capitalised (an institutional or treaty name)."""
    return all(w[0].isupper() or w.lower() in CONNECTORS for w in words)
