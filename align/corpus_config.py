"""Every knob of the stored corpus, defined once; the CLI reads its defaults from here."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from align.config import AlignConfig
from align.readers import SUPPORTED_SUFFIXES

DB_NAME = "corpus.sqlite"
# Extensions ``corpus add`` picks up when given a folder (files named explicitly are always tried).
DOCUMENT_SUFFIXES = SUPPORTED_SUFFIXES
# Language tags stripped from file-name stems before pairing: "report.zh.txt" ~ "report_en.docx".
LANG_TAGS = ("zh", "en", "cn", "ch", "chi", "chs", "zho", "eng", "zh-cn", "zh-hans", "chinese", "english")
# A fixed-dimension hashed encoder for tests and benchmarks of the plumbing (not for real use).
TEST_ENCODER = "test:hashed"


def default_db() -> Path:
    """``$PARATERM_HOME/corpus.sqlite``, else ``$XDG_DATA_HOME/paraterm/corpus.sqlite``."""
    home = os.environ.get("PARATERM_HOME")
    if home:
        return Path(home) / DB_NAME
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "paraterm" / DB_NAME


@dataclass(frozen=True)
class PairingConfig:
    """How documents without a shared symbol or file name are paired by their embeddings."""

    # The pair's similarity (mean best sentence match, on centred vectors) must beat the
    # best rival of either document by this much; higher = fewer wrong pairs, more
    # documents left unpaired for review. On WMT22 true pairs won by 0.026 or more.
    min_gap: float = 0.02
    # Similarity floor for a pair with no rival at all (e.g. one document per language),
    # where no gap can be measured. Higher = stricter. On WMT22 true pairs scored >= 0.31,
    # the best wrong candidate of a document 0.29 (median).
    min_similarity: float = 0.35
    # How far the pair's similarity must stand above the mean of each document's next
    # ``neighbours`` candidates. A document whose counterpart is missing still has a
    # nearest document on its topic, often by a clear gap to the next one, but seldom
    # clear of the whole field. Higher = fewer wrong pairs when counterparts are missing,
    # more true pairs left for review. On WMT22 every true pair led by 0.05 or more (0.055
    # loses one); with 30 % of each language left out (40 draws), 0.04 cut the wrong pairs
    # from 446 to 241 and lost 1 of 3,500 correct ones.
    min_lead: float = 0.04
    # Candidate documents per document (FAISS nearest, both ways); also the field for ``min_lead``.
    neighbours: int = 8


@dataclass(frozen=True)
class CorpusOptions:
    """How ``corpus add`` runs: where the work happens and with which model."""

    model: str | None = None  # None = paraterm's default offline model
    cache_dir: Path | None = None  # where the default model is converted (None = the model's default)
    workers: int = 1  # local processes reading and segmenting documents; 1 = in this process
    scheduler: str | None = None  # Dask scheduler address, or "local" for a LocalCluster here
    dask_workers: int = 2  # workers of the LocalCluster started for scheduler="local"
    chunk: int = 32  # documents read and stored per round; smaller = less lost on a kill
    align: AlignConfig = field(default_factory=AlignConfig)
    pairing: PairingConfig = field(default_factory=PairingConfig)
