"""Planted-error benchmark for ``paraterm check``: recall per error kind, false findings.

Takes clean translations (``corpus/en`` <-> ``corpus/zh``, and UNPC test pairs grouped into
pseudo-documents), plants errors into the target with a fixed seed — delete a glossary
term's rendering, swap in a forbidden form, change a number/date/symbol, drop a
sentence, leave a sentence untranslated, add a sentence — then aligns source and planted
target with the real model and runs every check. A planted error counts as found when a
finding of the matching check covers the planted segment. The clean translation is
checked too: every finding there is a false finding (or a real difference in the
translation, listed with ``--show-clean``).

    python benchmarks/check_planted.py                      # corpus + 20 UNPC documents, both directions
    python benchmarks/check_planted.py --unpc-docs 0 --show-clean
    python benchmarks/check_planted.py --glossary glossary.xlsx   # a built glossary instead of the hand one
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DATA, ROOT, CachedEncoder, load_encoder, print_table  # noqa: E402

from align.alignment import Alignment, Level, Link, Signature  # noqa: E402
from align.document import Document, Lang, Paragraph, ParagraphKind, Sentence  # noqa: E402
from align.numbers import extract_numbers  # noqa: E402
from glossary.check import run_check  # noqa: E402
from glossary.check_config import CheckConfig  # noqa: E402
from glossary.checks.concepts import match_concepts  # noqa: E402
from glossary.checks.pair import Context, pairs_of, usable_terms  # noqa: E402
from glossary.finding import CheckId, Finding  # noqa: E402
from glossary.matching import FormIndex, lang_of_form  # noqa: E402
from glossary.term import Status, Term  # noqa: E402

# A hand glossary of UN terms found in corpus/ and in UNPC, with forbidden forms that are
# real mistakes (not legitimate short forms), so planting a forbidden form makes an error.
HAND_GLOSSARY = [
    ("消极安全保证", "negative security assurances", "", "", "消极安全保障;negative security guarantees"),
    ("安全保证", "security assurances", "", "", ""),
    ("无核武器区", "nuclear-weapon-free zone", "", "NWFZ", "无核区;nuclear free zone"),
    ("裁军谈判会议", "Conference on Disarmament", "裁谈会", "", "裁军会议;Disarmament Conference"),
    ("21 国集团", "Group of 21", "二十一国集团", "G21", "21国小组"),
    ("核武器国家", "nuclear-weapon States", "", "", "有核国家"),
    ("无核武器国家", "non-nuclear-weapon States", "", "", "非核国家"),
    ("核武器", "nuclear weapons", "", "", "核子武器"),
    ("核裁军", "nuclear disarmament", "", "", "核子裁军"),
    ("会员国", "Member States", "", "", "member countries"),
    ("大会", "General Assembly", "联大;联合国大会", "", "Plenary Assembly"),
    ("审议大会", "Review Conference", "", "", ""),
    ("秘书长", "Secretary-General", "", "", "秘书总长"),
    ("安全理事会", "Security Council", "安理会", "", "保安理事会"),
    ("国际法院", "International Court of Justice", "", "", "国际法庭"),
    ("不扩散核武器条约", "Treaty on the Non-Proliferation of Nuclear Weapons", "不扩散条约", "Non-Proliferation Treaty;NPT", ""),
    ("禁止核武器条约", "Treaty on the Prohibition of Nuclear Weapons", "", "", ""),
    ("高级别会议", "high-level meeting", "", "", "高层会议"),
    ("工作文件", "working paper", "", "", ""),
    ("人权理事会", "Human Rights Council", "", "", "人权委员会"),
    ("人权", "human rights", "", "", "人的权利"),
    ("可持续发展", "sustainable development", "", "", "持续性发展"),
    ("维持和平行动", "peacekeeping operations", "维和行动", "", "维持和平作业"),
    ("经济及社会理事会", "Economic and Social Council", "经社理事会", "ECOSOC", "经济和社会理事会"),
    ("非政府组织", "non-governmental organizations", "", "NGO", "非官方组织"),
    ("民间社会", "civil society", "", "", "公民社会"),
    ("发展中国家", "developing countries", "", "", "开发中国家"),
    ("气候变化", "climate change", "", "", "气候变迁"),
    ("难民署", "UNHCR", "联合国难民事务高级专员办事处", "Office of the United Nations High Commissioner for Refugees", ""),
    ("儿童基金会", "UNICEF", "联合国儿童基金会", "United Nations Children's Fund", ""),
]
KINDS = ("term", "forbidden", "number", "omission", "untranslated", "addition")
CHECK_OF = {
    "term": CheckId.TERM_MISSING,
    "forbidden": CheckId.TERM_FORBIDDEN,
    "number": CheckId.NUMBER_MISMATCH,
    "omission": CheckId.OMISSION,
    "untranslated": CheckId.UNTRANSLATED,
    "addition": CheckId.ADDITION,
}
SPACING = 3  # planted errors at least this many links apart, so they do not mask each other


def hand_glossary() -> list[Term]:
    split = lambda s: tuple(x for x in s.split(";") if x)  # noqa: E731
    return [Term(zh, en, split(zv), split(ev), split(fb), Status.APPROVED) for zh, en, zv, ev, fb in HAND_GLOSSARY]


# --- documents -------------------------------------------------------------------------


@dataclass
class Draft:
    """A document as editable paragraphs of sentence texts."""

    lang: Lang
    name: str
    paragraphs: list[tuple[ParagraphKind, str | None, list[str]]]

    @classmethod
    def of(cls, doc: Document) -> "Draft":
        return cls(doc.lang, doc.name, [(p.kind, p.label, [s.text for s in p.sentences]) for p in doc.paragraphs])

    def build(self) -> Document:
        paragraphs, sid = [], 0
        joiner = "" if self.lang is Lang.ZH else " "
        for kind, label, texts in self.paragraphs:
            texts = [t for t in texts if t is not None]
            if not texts:
                continue
            pid = len(paragraphs)
            sentences = tuple(Sentence(sid + k, pid, t) for k, t in enumerate(texts))
            sid += len(texts)
            paragraphs.append(Paragraph(pid, joiner.join(texts), kind, label, sentences))
        return Document(Path(self.name), self.lang, tuple(paragraphs))

    def locate(self, sentence_id: int) -> tuple[int, int]:
        n = 0
        for p, (_, _, texts) in enumerate(self.paragraphs):
            if sentence_id < n + len(texts):
                return p, sentence_id - n
            n += len(texts)
        raise IndexError(sentence_id)


def corpus_pairs() -> list[tuple[Document, Document]]:
    """(en, zh) documents of corpus/, paired by file stem."""
    from align.segment import read_document

    out = []
    for en_path in sorted((ROOT / "corpus" / "en").glob("*.en.txt")):
        zh_path = ROOT / "corpus" / "zh" / en_path.name.replace(".en.", ".zh.")
        out.append((read_document(en_path, Lang.EN), read_document(zh_path, Lang.ZH)))
    return out


def unpc_pairs(docs: int, per_doc: int = 24, per_paragraph: int = 3) -> list[tuple[Document, Document]]:
    """UNPC test pairs cut into pseudo-documents of ``per_doc`` sentences."""
    folder = DATA / "unpc"
    en = (folder / "UNv1.0.testset.en").read_text(encoding="utf-8").splitlines()
    zh = (folder / "UNv1.0.testset.zh.deseg").read_text(encoding="utf-8").splitlines()
    out = []
    for d in range(docs):
        rows = list(zip(en, zh))[d * per_doc : (d + 1) * per_doc]
        drafts = {}
        for lang, side in ((Lang.EN, 0), (Lang.ZH, 1)):
            paras = [
                (ParagraphKind.NUMBERED, f"{k // per_paragraph + 1}.", [r[side].strip() for r in rows[k : k + per_paragraph]])
                for k in range(0, len(rows), per_paragraph)
            ]
            drafts[lang] = Draft(lang, f"unpc{d:03d}.{lang.value}", paras).build()
        out.append((drafts[Lang.EN], drafts[Lang.ZH]))
    return out


def addition_pool(lang: Lang) -> list[str]:
    """Unrelated target-language sentences to plant as additions (UNPC dev set)."""
    name = "UNv1.0.devset.en" if lang is Lang.EN else "UNv1.0.devset.zh.deseg"
    lines = (DATA / "unpc" / name).read_text(encoding="utf-8").splitlines()
    return [t for t in lines if (len(t) >= 80 if lang is Lang.EN else len(t) >= 30)][:2000]


# --- alignment -------------------------------------------------------------------------


def align(source: Document, target: Document, encoder) -> Alignment:
    """The project's pipeline when present; else whole-document sentence alignment."""
    zh, en = (source, target) if source.lang is Lang.ZH else (target, source)
    try:
        from align.pipeline import align_documents
    except ImportError:
        from align.config import AlignConfig
        from align.sentence_align import align_sentences

        zs, es = zh.sentences, en.sentences
        beads = align_sentences([s.text for s in zs], [s.text for s in es], encoder, AlignConfig())
        links = [
            Link(
                b.zh, b.en, "".join(zs[i].text for i in b.zh), " ".join(es[i].text for i in b.en), b.score, b.flags,
                tuple(sorted({zs[i].paragraph for i in b.zh})), tuple(sorted({es[i].paragraph for i in b.en})),
            )  # fmt: skip
            for b in beads
        ]
        return Alignment(zh, en, Level.SENTENCE, links, Signature("paraterm", "bench", encoder.name, ()))
    return align_documents(zh, en, encoder=encoder)


# --- planting --------------------------------------------------------------------------


@dataclass(frozen=True)
class Plant:
    kind: str
    source_text: str  # the source segment concerned
    target_text: str  # the planted target sentence ("" for a dropped one)
    detail: str


@dataclass
class Planter:
    source_lang: Lang
    terms: list[Term]
    pool: list[str]
    rng: random.Random
    plants: list[Plant] = field(default_factory=list)

    @property
    def target_lang(self) -> Lang:
        return Lang.ZH if self.source_lang is Lang.EN else Lang.EN

    def plant(self, source: Document, target: Document, clean: Alignment, per_doc: int) -> Document:
        """Plant up to ``per_doc`` errors into ``target``; returns the planted document."""
        pairs = pairs_of(clean, self.source_lang)
        context = Context(self.source_lang, self.target_lang, usable_terms([self.terms]), CheckConfig())
        matches = match_concepts(pairs, context)
        draft = Draft.of(target)
        sites = [i for i, p in enumerate(pairs) if len(p.target_loc.sentences) == 1 and len(p.source_loc.sentences) >= 1]
        self.rng.shuffle(sites)
        taken: list[int] = []
        inserts: dict[int, str] = {}
        kinds = list(KINDS)
        self.rng.shuffle(kinds)
        for n in range(per_doc):
            kind = kinds[n % len(kinds)]
            for i in sites:
                if any(abs(i - j) < SPACING for j in taken):
                    continue
                pair = pairs[i]
                sid = pair.target_loc.sentences[0]
                p, k = draft.locate(sid)
                text = draft.paragraphs[p][2][k]
                if text != pair.target:  # sentence split differently from the link: skip
                    continue
                new = self._edit(kind, pair, text, matches, i)
                if new is None:
                    continue
                taken.append(i)
                if kind == "addition":
                    inserts[sid] = new
                    self.plants.append(Plant(kind, pair.source, new, "added after the link"))
                else:
                    draft.paragraphs[p][2][k] = new if kind != "omission" else None  # type: ignore[call-overload]
                break
        # additions go in after edits so sentence positions stay valid while planting
        for sid in sorted(inserts, reverse=True):
            p, k = draft.locate(sid)
            draft.paragraphs[p][2].insert(k + 1, inserts[sid])
        return draft.build()

    def _edit(self, kind: str, pair, text: str, matches, i: int) -> str | None:
        src_words = len(re.findall(r"[A-Za-z]+", pair.source)) if self.source_lang is Lang.EN else len(pair.source) // 2
        if kind == "omission":
            if src_words < 6:
                return None
            self.plants.append(Plant(kind, pair.source, "", "target sentence dropped"))
            return ""
        if kind == "untranslated":
            if src_words < 6:
                return None
            self.plants.append(Plant(kind, pair.source, pair.source, "source copied into target"))
            return pair.source
        if kind == "addition":
            return self.rng.choice(self.pool)
        if kind == "number":
            return self._number(pair, text)
        return self._term(kind, pair, text, matches, i)

    def _number(self, pair, text: str) -> str | None:
        common = set(extract_numbers(pair.source, self.source_lang)) & set(extract_numbers(text, self.target_lang))
        digits = {d for v in common for d in re.findall(r"\d+", v)}
        runs = [m for m in re.finditer(r"\d+", text) if m.group() in digits]
        if not runs:
            return None
        m = self.rng.choice(runs)
        new = text[: m.start()] + str(int(m.group()) + self.rng.choice((1, 2, 3))) + text[m.end() :]
        if Counter(extract_numbers(new, self.target_lang)) == Counter(extract_numbers(text, self.target_lang)):
            return None
        self.plants.append(Plant("number", pair.source, new, f"{m.group()} changed"))
        return new

    def _term(self, kind: str, pair, text: str, matches, i: int) -> str | None:
        src = Counter(o.key for o in matches.source[i])
        occ = [o for o in matches.target[i] if src[o.key] and src[o.key] == sum(1 for x in matches.target[i] if x.key == o.key)]
        if kind == "forbidden":
            options = []
            for o in occ:
                concept_terms = [t for t in self.terms if o.form in (t.zh, t.en, *t.zh_variants, *t.en_variants)]
                bad = [f for t in concept_terms for f in t.forbidden if lang_of_form(f) is self.target_lang]
                options.extend((o, b) for b in bad)
            if not options:
                return None
            o, bad = self.rng.choice(options)
            new = text[: o.start] + bad + text[o.end :]
            self.plants.append(Plant(kind, pair.source, new, f"{o.form} -> {bad}"))
            return new
        if not occ:
            return None
        o = self.rng.choice(occ)
        new = text[: o.start] + text[o.end :]
        if self.target_lang is Lang.EN:
            new = re.sub(r"\s{2,}", " ", new)
        # the deleted form must really be gone (not still matched by an overlapping variant)
        index = FormIndex([(0, f) for f in matches.concepts[o.key].target], self.target_lang)
        if len(index.find(new)) >= len(index.find(text)):
            return None
        self.plants.append(Plant(kind, pair.source, new, f"'{o.form}' deleted"))
        return new


# --- scoring ---------------------------------------------------------------------------


def _norm(text: str) -> str:
    return "".join(text.split())


def detected(plant: Plant, findings: Sequence[Finding]) -> bool:
    """A finding of the plant's check covering the planted segment."""
    check = CHECK_OF[plant.kind]
    for f in findings:
        if f.check is not check:
            continue
        if plant.kind == "omission":
            if _norm(plant.source_text) in _norm(f.source_text):
                return True
        elif _norm(plant.target_text) in _norm(f.target_text) or (f.target_text and _norm(f.target_text) in _norm(plant.target_text)):
            return True
    return False


@dataclass
class Tally:
    planted: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    clean_findings: Counter = field(default_factory=Counter)
    clean_links: int = 0
    clean_paragraphs: int = 0
    clean_list: list = field(default_factory=list)
    missed: list = field(default_factory=list)
    planted_links: int = 0
    extra: int = 0  # findings in the planted run that match no plant


def run(name: str, pairs: list[tuple[Document, Document]], source_lang: Lang, terms: list[Term], encoder, per_doc: int, seed: int, tally: Tally, base: CheckConfig) -> None:
    target_lang = Lang.ZH if source_lang is Lang.EN else Lang.EN
    planter = Planter(source_lang, terms, addition_pool(target_lang), random.Random(seed))
    for en, zh in pairs:
        source, target = (en, zh) if source_lang is Lang.EN else (zh, en)
        clean = align(source, target, encoder)
        config = replace(base, source_lang=source_lang)
        result = run_check(clean, None, [terms], config, encoder=encoder)
        tally.clean_links += result.links
        tally.clean_paragraphs += len(source.paragraphs)
        tally.clean_findings.update(f.check for f in result.findings)
        tally.clean_list.extend((name, f) for f in result.findings)
        before = len(planter.plants)
        planted = planter.plant(source, target, clean, per_doc)
        mine = planter.plants[before:]
        aligned = align(source, planted, encoder)
        found = run_check(aligned, None, [terms], config, encoder=encoder).findings
        tally.planted_links += len(aligned.links)
        for plant in mine:
            tally.planted[plant.kind] += 1
            hit = detected(plant, found)
            tally.found[plant.kind] += hit
            if not hit:
                near = [link for link in aligned.links if _norm(plant.target_text or plant.source_text)[:12] in _norm(link.zh + link.en)]
                tally.missed.append((name, plant, near))
        matched = sum(1 for f in found if any(f.check is CHECK_OF[p.kind] and detected(p, [f]) for p in mine))
        tally.extra += len(found) - matched


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--unpc-docs", type=int, default=20, help="UNPC pseudo-documents (24 sentences each); 0 = corpus only")
    parser.add_argument("--per-doc", type=int, default=6, help="errors planted per corpus document (UNPC: 4)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--glossary", type=Path, help="a glossary file paraterm reads, instead of the hand glossary")
    parser.add_argument("--encoder", default="e5", choices=("e5", "use"))
    parser.add_argument("--show-clean", action="store_true", help="list every finding on the clean translations")
    parser.add_argument("--show-missed", action="store_true", help="list every planted error not found, with its links")
    parser.add_argument("--set", action="append", default=[], metavar="KNOB=VALUE", help="override a CheckConfig knob")
    args = parser.parse_args(argv)
    defaults = CheckConfig()
    base = replace(defaults, **{k: type(getattr(defaults, k))(v) for k, v in (item.split("=", 1) for item in args.set)})

    if args.glossary:
        from glossary.io import read_glossary

        terms = read_glossary(args.glossary)
    else:
        terms = hand_glossary()
    encoder = CachedEncoder(load_encoder(args.encoder), f"check-planted-{args.encoder}")
    started = time.perf_counter()
    sets = [("corpus", corpus_pairs(), 3 * args.per_doc)]
    if args.unpc_docs:
        sets.append(("unpc", unpc_pairs(args.unpc_docs), 4))
    tallies: dict[tuple[str, str], Tally] = {}
    for name, pairs, per_doc in sets:
        for source_lang in (Lang.EN, Lang.ZH):
            tally = tallies.setdefault((name, f"{source_lang.value}->{'zh' if source_lang is Lang.EN else 'en'}"), Tally())
            run(name, pairs, source_lang, terms, encoder, per_doc, args.seed, tally, base)
    encoder.save()

    rows = []
    for (name, direction), t in tallies.items():
        for kind in KINDS:
            if t.planted[kind]:
                rows.append([name, direction, kind, t.planted[kind], t.found[kind], t.found[kind] / t.planted[kind]])
    print("Detection of planted errors (seed %d)\n" % args.seed)
    print_table(["set", "direction", "kind", "planted", "found", "recall"], rows)
    total = {k: sum(t.planted[k] for t in tallies.values()) for k in KINDS}
    found = {k: sum(t.found[k] for t in tallies.values()) for k in KINDS}
    key = ("term", "forbidden", "number", "omission")
    print(f"\nterm + forbidden + number + omission recall: {sum(found[k] for k in key)}/{sum(total[k] for k in key)}"
          f" = {sum(found[k] for k in key) / max(1, sum(total[k] for k in key)):.3f}")  # fmt: skip
    print("\nFindings on the clean translations (false findings, or real differences)\n")
    rows = []
    for (name, direction), t in tallies.items():
        n = sum(t.clean_findings.values())
        by = ", ".join(f"{c.value} {k}" for c, k in sorted(t.clean_findings.items(), key=lambda x: x[0].value)) or "-"
        rows.append([name, direction, t.clean_links, t.clean_paragraphs, n, 100 * n / max(1, t.clean_links), 15 * n / max(1, t.clean_paragraphs), by,
                     100 * t.extra / max(1, t.planted_links)])  # fmt: skip
    print_table(["set", "direction", "links", "paragraphs", "findings", "per 100 links", "per 15 paragraphs", "by check", "planted run: extra per 100 links"], rows)
    print(f"\nglossary: {'hand (%d rows)' % len(terms) if not args.glossary else args.glossary}; encoder {encoder.name}; "
          f"settings {dict(base.settings())}; {time.perf_counter() - started:.0f} s")  # fmt: skip
    if args.show_missed:
        for (name, direction), t in tallies.items():
            for set_name, plant, near in t.missed:
                print(f"\n[missed {set_name} {direction}] {plant.kind}: {plant.detail}\n  S: {plant.source_text[:200]}\n  T: {plant.target_text[:200]}")
                for link in near:
                    print(f"  link zh{list(link.zh_ids)} en{list(link.en_ids)} {link.score:.2f} {link.flags}: {link.zh[:80]} | {link.en[:80]}")
    if args.show_clean:
        for (name, direction), t in tallies.items():
            for set_name, f in t.clean_list:
                print(f"\n[{set_name} {direction}] {f.check.value} {f.source} / {f.target}: {f.note}\n  S: {f.source_text[:300]}\n  T: {f.target_text[:300]}")


if __name__ == "__main__":
    main()
