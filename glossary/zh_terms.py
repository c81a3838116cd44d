"""Chinese term candidates: jieba words joined into n-grams, trimmed at function words.

jieba's dictionary does not know most UN terms (消极安全保证, 无核武器区), so a single
segmentation never yields them whole. Every run of up to ``max_words`` jieba words is a
candidate instead; counting which runs recur (done by :mod:`glossary.build`) brings the
whole terms out, and the boundary rules here keep 的/和/本集团 off their edges.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

# Words that never start a term: function words, pronouns, and 本集团 ("this Group",
# a stand-in for the name, not a term).
BAD_START = frozenset(
    "的 和 与 及 并 在 对 是 了 其 该 这 此 本 本集团 集团 以 为 将 把 被 也 都 还 又 所 而 或 等 向 从 于 就 由 之 "
    "各 有 上 下 中 内 号 届 次 以及 并且 但 但是 如 即 因此 因而 从而 同时 已 已经 要 应 应当 应该 须 必须 可 可以 能 能够 会 "
    "没有 这些 那些 这项 该项 这种 此类 所有 一切 任何 我们 他们 它们 其中 尤其 特别 包括 根据 按照 关于 "
    "通过 为了 作为 对于 以便 第 一 一项 一个 一种 一些 这个 那个 这一 另 另外 此外 然而 而且 以及 及其 "
    "仍 仍然 继续 进一步 充分 不仅 而是 已在 是否 使 让 给 至 到 同 跟 向其 请 又 再 均 即将 正在 曾 "
    "认为 重申 强调 欢迎 回顾 注意到 呼吁 促请 敦促 赞赏 表示 指出 决定 请求 支持".split()
)
# Words that never end a term: function words, localisers, aspect particles.
BAD_END = frozenset(
    "的 和 与 及 并 在 对 是 了 其 该 这 此 以 为 将 把 被 也 都 还 又 所 而 或 等 向 从 于 就 由 之 "
    "中 上 下 时 后 前 内 外 间 之间 之前 之后 以来 方面 方式 进行 作出 开展 给予 一 一项 一个 等等 "
    "有关 相关 第 号 举行 召开 通过 举办 提出 发表 宣布 设立 开始 实现 采取 支持 强调 重申 表示 认为 决定 各 所有 任何 这些 不 没有 应 应当 可以 已经 仍 方面 期间 问题上 情况下 过程 着 过 得 地".split()
)
# Never inside a term: these break a phrase into clauses (的 may: 具有法律约束力的文书).
BAD_INSIDE = frozenset("了 是 在 对 将 把 被 但 而 并 也 就 又 都 还 即 其 这 该 所 地 得 着".split())
# jieba part-of-speech tags that mark function words at a term's edge
BAD_EDGE_TAGS = ("p", "c", "u", "r", "x", "y", "e", "o")

# jieba splits these so that a boundary rule cuts them (可 | 持续发展): keep them whole
UN_WORDS = ("可持续", "可持续发展", "不扩散", "无核武器")
_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff0-9０-９]+")
_GAP = re.compile(r"(?<=[\u3400-\u9fff0-9])[ \u3000]+(?=[\u3400-\u9fff0-9])")
_HAN = re.compile(r"[\u3400-\u9fff]")
_DIGITS = re.compile(r"^[0-9０-９]+$")


@lru_cache(maxsize=1)
def _posseg():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)  # jieba logs its dictionary load at INFO
    for word in UN_WORDS:
        jieba.add_word(word, tag="n")
    return jieba.posseg


def normalise(text: str) -> str:
    """Close the spaces PDF extraction leaves between Chinese characters and digits."""
    return _GAP.sub("", text)


def words(text: str) -> list[list[tuple[str, str]]]:
    """jieba words with their tags, one list per run of Chinese characters and digits."""
    posseg = _posseg()
    runs = []
    for match in _RUN.finditer(normalise(text)):
        runs.append([(pair.word, pair.flag) for pair in posseg.cut(match.group())])
    return runs


def _edge_ok(word: str, tag: str, bad: frozenset[str]) -> bool:
    return word not in bad and not tag.startswith(BAD_EDGE_TAGS)


def candidates(text: str, max_words: int = 6, max_chars: int = 20) -> set[str]:
    """Every Chinese term candidate in ``text`` (each distinct string once)."""
    found: set[str] = set()
    for run in words(text):
        n = len(run)
        for i in range(n):
            word, tag = run[i]
            if _DIGITS.match(word):
                # "21 国集团", "77 国集团": a number starts a name only before 国
                if i + 1 >= n or run[i + 1][0] != "国":
                    continue
            elif not _edge_ok(word, tag, BAD_START):
                continue
            text_so_far = ""
            for j in range(i, min(n, i + max_words)):
                piece, piece_tag = run[j]
                if j > i and (piece in BAD_INSIDE or _DIGITS.match(piece)):
                    break
                text_so_far += piece
                if len(text_so_far) > max_chars:
                    break
                if len(_HAN.findall(text_so_far)) < 2 or not _edge_ok(piece, piece_tag, BAD_END):
                    continue
                found.add(text_so_far)
    return found
