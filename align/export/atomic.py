"""Write a file so that it is either complete or absent: never half-written.

The content goes to a temporary file in the destination's own directory (so the
final :func:`os.replace` is a rename on one file system, atomic on POSIX and
Windows), and only replaces the destination once the writer has returned.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from align.errors import InputError


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary sibling of ``path`` to write; on success move it into place.

    If the body raises, the temporary file is removed, ``path`` is left as it
    was, and the exception propagates.
    """
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(f"{path}: directory {directory} does not exist; create it first or choose another -o path")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise InputError(f"{path}: cannot write in {directory} ({error.strerror}); choose another -o path") from None
    os.close(handle)
    tmp = Path(name)
    try:
        yield tmp
        # mkstemp makes the file private (0600); give it the mode a plain open() would
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp)`` on a temporary sibling of ``path``, then move it into place."""
    with atomic_path(path) as tmp:
        write(tmp)


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 (``\\n`` line ends on every platform) atomically."""
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8", newline="\n"))
