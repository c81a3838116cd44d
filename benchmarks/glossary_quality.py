"""Glossary quality: precision of the top rows on corpus/ and on the UNPC dev+test sets, and time.

    python benchmarks/glossary_quality.py                    # both; corpus aligned by paraterm
    python benchmarks/glossary_quality.py --corpus-alignment hand   # corpus paired by paragraph number
    python benchmarks/glossary_quality.py --skip-unpc --no-embeddings

corpus/: a row is correct when its pair is in REFERENCE below (the term pairs a UN
terminologist expects from these two papers, written from the documents, not from the
output); every other row in the top 50 is printed with '?' and counted as wrong.
UNPC: 8,000 1:1 sentence pairs become Alignment objects directly. The top 200 were judged
by hand (criterion: a fixed UN/technical expression or name, Chinese and English both whole
and translations of each other; free collocations like "initial efforts" and descriptions
with 的 count as wrong); glossary_unpc_judged.tsv keeps each verdict. Rows without a
verdict (after a change to the extractor) are printed with '?' and counted as wrong.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from align.alignment import Alignment, Level, Link, Signature  # noqa: E402
from glossary.build import build_glossary  # noqa: E402
from glossary.config import GlossaryConfig  # noqa: E402
from glossary.en_terms import fold  # noqa: E402
from glossary.term import Term  # noqa: E402
from tests.glossary_samples import corpus_by_paragraph_number  # noqa: E402  (the same hand pairing the tests use)

SHARED = ROOT.parent / "shared" / "data" / "unpc"

# zh -> accepted English forms (folded for case and number when compared)
REFERENCE: dict[str, tuple[str, ...]] = {
    "消极安全保证": ("negative security assurances",),
    "安全保证": ("security assurances",),
    "无核武器区": ("nuclear-weapon-free zone",),
    "无核武器国家": ("non-nuclear-weapon States",),
    "核武器国家": ("nuclear-weapon States",),
    "核武器": ("nuclear weapons",),
    "核裁军": ("nuclear disarmament",),
    "裁军谈判会议": ("Conference on Disarmament",),
    "裁谈会": ("Conference on Disarmament",),
    "21国集团": ("Group of 21",),
    "21国集团协调员": ("Coordinator of the Group of 21",),
    "不扩散核武器条约": ("Treaty on the Non-Proliferation of Nuclear Weapons", "Non-Proliferation Treaty"),
    "禁止核武器条约": ("Treaty on the Prohibition of Nuclear Weapons",),
    "禁止核武器": ("Prohibition of Nuclear Weapons",),
    "特拉特洛尔科条约": ("Treaty of Tlatelolco",),
    "国际法院": ("International Court of Justice",),
    "大会": ("General Assembly",),
    "联大": ("General Assembly",),
    "联合国大会": ("General Assembly",),
    "安全理事会": ("Security Council",),
    "秘书长": ("Secretary-General",),
    "会员国": ("Member States",),
    "缔约国": ("States parties",),
    "世界贸易组织": ("World Trade Organization",),
    "拉丁美洲和加勒比国家共同体": ("Community of Latin American and Caribbean States", "CELAC"),
    "拉加共同体": ("CELAC", "Community of Latin American and Caribbean States"),
    "拉丁美洲和加勒比禁止核武器组织": ("Agency for the Prohibition of Nuclear Weapons in Latin America and the Caribbean", "OPANAL"),
    "和平区": ("Zone of Peace",),
    "中东": ("Middle East",),
    "中东无核武器区": ("nuclear-weapon-free zone in the Middle East",),
    "彻底消除核武器": ("total elimination of nuclear weapons", "elimination of nuclear weapons"),
    "彻底消除": ("total elimination",),
    "消除核武器": ("elimination of nuclear weapons",),
    "彻底消除核武器国际日": ("International Day for the Total Elimination of Nuclear Weapons",),
    "国际日": ("International Day",),
    "高级别会议": ("high-level meeting",),
    "高级别": ("high-level",),
    "核裁军问题大会高级别会议": ("high-level meeting of the General Assembly on nuclear disarmament",),
    "核裁军问题联合国高级别国际会议": ("United Nations high-level international conference on nuclear disarmament",),
    "后续行动": ("follow-up",),
    "全面彻底裁军": ("general and complete disarmament",),
    "具有法律约束力的文书": ("legally binding instrument",),
    "关于核武器的全面公约": ("comprehensive convention on nuclear weapons",),
    "核武器的全面公约": ("comprehensive convention on nuclear weapons",),
    "核武器公约": ("convention on nuclear weapons", "nuclear weapons convention"),
    "使用或威胁使用核武器": ("use or threat of use of nuclear weapons",),
    "威胁使用": ("threat of use",),
    "不扩散": ("non-proliferation",),
    "核不扩散": ("nuclear non-proliferation",),
    "全球核裁军和不扩散": ("global nuclear disarmament and non-proliferation",),
    "大规模毁灭性武器": ("weapons of mass destruction",),
    "审议大会": ("Review Conference",),
    "审议和延期大会": ("Review and Extension Conference",),
    "第九次审议大会": ("Ninth Review Conference",),
    "原子能机构": ("International Atomic Energy Agency",),
    "全面保障": ("full-scope safeguards",),
    "核设施": ("nuclear facilities",),
    "保存国": ("depositaries",),
    "共同提案国": ("co-sponsors",),
    "解释性声明": ("interpretative declarations",),
    "议定书": ("protocols",),
    "常驻代表团": ("Permanent Mission",),
    "越南常驻代表团": ("Permanent Mission of Viet Nam",),
    "越南社会主义共和国": ("Socialist Republic of Viet Nam",),
    "普通照会": ("note verbale",),
    "工作文件": ("working paper",),
    "正式工作文件": ("official working paper",),
    "秘书处": ("secretariat",),
    "裁军谈判会议秘书处": ("secretariat of the Conference on Disarmament",),
    "协调员": ("Coordinator",),
    "民间社会": ("civil society",),
    "非政府组织": ("non-governmental organizations",),
    "联合国系统": ("United Nations system",),
    "国际社会": ("international community",),
    "国际安全": ("international security",),
    "咨询意见": ("advisory opinion",),
    "核威慑": ("nuclear deterrence",),
    "核威慑政策": ("policies of nuclear deterrence",),
    "军备控制": ("arms control",),
    "多边主义": ("multilateralism",),
    "附属机构": ("subsidiary body",),
    "核军备竞赛": ("nuclear arms race",),
    "核爆炸": ("nuclear detonation",),
    "灾难性人道主义后果": ("catastrophic humanitarian consequences",),
    "人道主义后果": ("humanitarian consequences",),
    "基多政治宣言": ("Political Declaration of Quito",),
    "蓬塔卡纳政治宣言": ("Political Declaration of Punta Cana",),
    "政治宣言": ("Political Declaration",),
    "首脑会议": ("Summit",),
    "第二次首脑会议": ("Second Summit",),
    "利益攸关方": ("stakeholders",),
    "国家元首和政府首脑": ("Heads of State and Government",),
    "外交部长": ("Ministers for Foreign Affairs",),
    "优先目标": ("priority objective",),
    "条约义务": ("treaty obligations",),
    "法律义务": ("legal obligations",),
    "1995年决议": ("1995 resolution",),
    "中东问题决议": ("resolution on the Middle East",),
    "决议": ("resolution",),
    "纽约": ("New York",),
    "蒙古": ("Mongolia",),
    "墨西哥": ("Mexico",),
    "古巴哈瓦那": ("Havana, Cuba",),
    "日内瓦": ("Geneva",),
    "联合国日内瓦办事处": ("United Nations Office at Geneva",),
    "无核武器地位": ("nuclear-weapon-free status",),
    "无核武器世界": ("world free of nuclear weapons",),
    "战略防御理论": ("strategic defence doctrines",),
    "军事联盟": ("military alliances",),
    "安全政策": ("security policies",),
    "军事战略": ("military strategies",),
    "国际管制": ("international control",),
    "严格有效的国际管制": ("strict and effective international control",),
    "分阶段方案": ("phased programme",),
    "真诚": ("good faith",),
    "一致结论": ("unanimous conclusion",),
    "联合国": ("United Nations",),
    "大众媒体": ("mass media",),
    "无限期延长": ("indefinite extension",),
    "法定义务": ("legal obligations",),
    "不歧视": ("non-discriminatory",),
    "工作组": ("working group",),
    "条约的无限期延长": ("indefinite extension of the Treaty",),
    "联合国大会特别会议": ("special session of the General Assembly",),
    "第一届专门讨论裁军问题的联合国大会特别会议": ("first special session of the General Assembly devoted to disarmament",),
}

def judge_corpus(term: Term) -> bool:
    wanted = {fold(tuple(e.split())) for zh in (term.zh, *term.zh_variants) for e in REFERENCE.get(zh, ())}
    return bool(wanted & {fold(tuple(e.split())) for e in (term.en, *term.en_variants)})


def pipeline_alignments(corpus: Path, encoder) -> list[Alignment]:
    from glossary.inputs import load_alignments

    alignments, _ = load_alignments([corpus], encoder=encoder)
    return alignments


def unpc_alignments() -> list[Alignment]:
    out = []
    for part in ("dev", "test"):
        zh = (SHARED / f"UNv1.0.{part}set.zh.deseg").read_text(encoding="utf-8").splitlines()
        en = (SHARED / f"UNv1.0.{part}set.en").read_text(encoding="utf-8").splitlines()
        links = [Link((i,), (i,), z, e, 1.0) for i, (z, e) in enumerate(zip(zh, en))]
        out.append(Alignment(None, None, Level.SENTENCE, links, Signature("unpc", "1.0", "none", ()), zh_name=f"UNv1.0.{part}set"))
    return out


def report(title: str, terms: list[Term], top: int, correct) -> float:
    print(f"\n{title}: top {top}")
    good = 0
    for rank, term in enumerate(terms[:top], start=1):
        ok = correct(term)
        good += ok
        variants = "; ".join((*term.zh_variants, *term.en_variants))
        print(f"{rank:3d} {'✓' if ok else '?'} {term.zh} | {term.en}" + (f"  [{variants}]" if variants else "") + f"  {term.score:.3f}")
    precision = good / max(1, min(top, len(terms)))
    print(f"{title}: precision@{top} = {precision:.2f} ({good}/{min(top, len(terms))})")
    return precision


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus-alignment", choices=("pipeline", "hand"), default="pipeline")
    parser.add_argument("--no-embeddings", action="store_true", help="dictionary and statistics only")
    parser.add_argument("--skip-unpc", action="store_true")
    args = parser.parse_args()
    encoder = None
    if not args.no_embeddings or args.corpus_alignment == "pipeline":
        from align.embed import load_encoder

        encoder = load_encoder()
    started = time.perf_counter()
    if args.corpus_alignment == "pipeline":
        alignments = pipeline_alignments(ROOT / "corpus", encoder)
    else:
        alignments = corpus_by_paragraph_number(ROOT / "corpus")
    aligned = sum(1 for a in alignments for link in a.links if link.zh and link.en)
    print(f"corpus: {aligned} aligned pairs ({args.corpus_alignment}), {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    glossary = build_glossary(alignments, GlossaryConfig(), None if args.no_embeddings else encoder)
    print(f"corpus glossary: {len(glossary.terms)} rows in {time.perf_counter() - started:.1f} s")
    report("corpus", glossary.terms, 50, judge_corpus)
    if args.skip_unpc or not SHARED.is_dir():
        return
    alignments = unpc_alignments()
    started = time.perf_counter()
    glossary = build_glossary(alignments, GlossaryConfig())
    seconds = time.perf_counter() - started
    print(f"\nUNPC: {sum(len(a.links) for a in alignments)} pairs, {len(glossary.terms)} rows in {seconds:.1f} s")
    judged = _unpc_judged()
    report("UNPC", glossary.terms, 200, lambda t: judged.get((t.zh, t.en)) == "ok")


def _unpc_judged() -> dict[tuple[str, str], str]:
    """Hand judgements of UNPC rows (zh, en, ok|wrong), kept beside this script."""
    path = Path(__file__).with_name("glossary_unpc_judged.tsv")
    if not path.is_file():
        return {}
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.count("\t") >= 2]
    return {(zh, en): verdict for zh, en, verdict, *_ in rows}


if __name__ == "__main__":
    main()
