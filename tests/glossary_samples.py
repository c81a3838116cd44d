"""Hand-paired sentences from the corpus and a fake encoder, shared by the glossary tests."""

from __future__ import annotations

import hashlib

import numpy as np

from align.alignment import Alignment, Level, Link, Signature

# (Chinese, English) sentence pairs from corpus/, paired by hand
PAIRS = [
    ("21 国集团重申，彻底消除核武器是防止使用或威胁使用核武器的唯一绝对保证。",
     "The Group of 21 reaffirms that the total elimination of nuclear weapons is the only absolute guarantee against the use or threat of use of nuclear weapons."),
    ("本集团尤其强调，在一项具有法律约束力的文书之下提供的消极安全保证应当不附加任何条件。",
     "The Group emphasizes in particular that negative security assurances provided under a legally binding instrument should not be subject to any conditions."),
    ("本集团重申，无核武器国家有权不受核武器国家的攻击。",
     "The Group reiterates that non-nuclear-weapon States have the right not to be attacked by nuclear-weapon States."),
    ("本集团强调国际法院的一致结论。",
     "The Group underlines the unanimous conclusion of the International Court of Justice."),
    ("本集团认为，建立无核武器区(无核武器区)是积极的一步。",
     "The Group considers that the establishment of nuclear-weapon-free zones (NWFZs) is a positive step."),
    ("本集团重申，就无核武器区而言，核武器国家有必要无条件地提供保证。",
     "The Group reaffirms that, in the context of NWFZs, it is essential that nuclear-weapon States provide unconditional assurances."),
    ("本集团促请核武器国家撤销对无核武器区条约议定书的一切保留。",
     "The Group urges the nuclear-weapon States to withdraw all reservations to the protocols of the treaties establishing nuclear-weapon-free zones."),
    ("本集团欢迎拉丁美洲和加勒比国家共同体(拉加共同体)第二次首脑会议。",
     "The Group welcomes the Second Summit of the Community of Latin American and Caribbean States (CELAC)."),
    ("拉加共同体重申致力于巩固和平区。",
     "CELAC reaffirms its commitment to consolidating a Zone of Peace."),
    ("本集团认为，无核武器区是积极步骤，但安全保证不应只在无核武器区的背景下作出。",
     "The Group considers that nuclear-weapon-free zones are a positive step, but security assurances should not be granted only in the context of nuclear-weapon-free zones."),
    ("本集团回顾，安全保证的要求是无核武器国家提出的。",
     "The Group recalls that the demand for security assurances was put forward by the non-nuclear-weapon States."),
    ("本集团同意，应缔结向无核武器国家提供消极安全保证的文书。",
     "The Group agrees that an instrument on negative security assurances to non-nuclear-weapon States should be concluded."),
    ("本集团期待着今年就消极安全保证问题进行实质性讨论。",
     "The Group looks forward to substantive discussions on negative security assurances this year."),
    ("裁军谈判会议应当开始谈判。", "The Conference on Disarmament should commence negotiations."),
    ("本集团请裁军谈判会议主席考虑这个问题。", "The Group invites the President of the Conference on Disarmament to consider this issue."),
]

SIGNATURE = Signature("paraterm", "0.1.0", "hand", ())


def sample_alignment(pairs=PAIRS, name: str = "nsa.zh.txt") -> Alignment:
    """The sample pairs as one sentence-level alignment."""
    links = [Link((i,), (i,), zh, en, 0.9, (), (i,), (i,)) for i, (zh, en) in enumerate(pairs)]
    return Alignment(None, None, Level.SENTENCE, links, SIGNATURE, zh_name=name, en_name=name.replace(".zh.", ".en."))


class FakeEncoder:
    """Deterministic unit vectors; phrases listed in ``same`` share a vector (cosine 1)."""

    name = "fake"
    dim = 16

    def __init__(self, same: dict[str, str] | None = None) -> None:
        self.same = same or {}
        self.calls: list[list[str]] = []

    def encode(self, texts):
        self.calls.append(list(texts))
        rows = []
        for text in texts:
            key = self.same.get(text, text)
            seed = int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:4], "little")
            vector = np.random.default_rng(seed).normal(size=self.dim)
            rows.append(vector / np.linalg.norm(vector))
        return np.asarray(rows, dtype=np.float32).reshape(len(texts), self.dim)


def corpus_by_paragraph_number(corpus) -> list[Alignment]:
    """corpus/ paired by hand: numbered paragraphs matched by number, then sentences where both
    sides have as many (the aligner's job, done here without a model for glossary tests)."""
    import re

    def numbered(text: str, chinese: bool) -> dict[int, str]:
        text = re.sub(r"[\ue000-\uf8ff]", "", text.replace("\r", ""))
        text = re.sub(r"\s*\n\s*", "" if chinese else " ", text)
        parts = re.split(r"(?:(?<=[。\s])|^)(\d{1,2})\.\s", text)
        return {0: parts[0], **{int(parts[k]): parts[k + 1] for k in range(1, len(parts) - 1, 2)}}

    out = []
    for zh_path in sorted((corpus / "zh").glob("*.zh.txt")):
        en_path = corpus / "en" / zh_path.name.replace(".zh.", ".en.")
        zh = numbered(zh_path.read_text(encoding="utf-8"), True)
        en = numbered(en_path.read_text(encoding="utf-8"), False)
        links = []
        for number in sorted(set(zh) & set(en)):
            zs = [s for s in re.split(r"(?<=[。；])", zh[number]) if s.strip()]
            es = [s for s in re.split(r"(?<=[.;])\s+(?=[A-Z\"“])", en[number]) if s.strip()]
            if len(zs) != len(es):
                zs, es = [zh[number]], [en[number]]
            links += [Link((number * 100 + k,), (number * 100 + k,), z.strip(), e.strip(), 1.0) for k, (z, e) in enumerate(zip(zs, es))]
        out.append(Alignment(None, None, Level.SENTENCE, links, SIGNATURE, zh_name=zh_path.name, en_name=en_path.name))
    return out
