"""A compact set of article ids, so that checking a corpus for duplicates stays small.

A Python ``dict`` of every id seen costs about 170 MB at a million articles,
which made the corpus reader the only part of streaming extraction whose memory
grew with corpus size. :class:`IdHashSet` keeps an 8-byte hash per id in a
NumPy open-addressing table instead (about 16 MB at a million ids). A hash hit
is only a *suspected* duplicate: the caller confirms it exactly, and finds where
the first copy was, by reading the corpus again up to the current record (see
:func:`framing.corpora.files.check_corpus`); a duplicate id is an error that
stops or rejects a record, so this slow path is rare.
"""

from __future__ import annotations

import hashlib

import numpy as np

__all__ = ["IdHashSet"]

_EMPTY = np.uint64(0)


def _hash(text: str) -> int:
    h = int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"),
                                       digest_size=8).digest(), "little")
    return h or 1  # 0 marks an empty slot


class IdHashSet:
    """Set of 64-bit id hashes with linear probing; grows by doubling at 2/3 load.

    Examples
    --------
    >>> ids = IdHashSet()
    >>> ids.add("a-1"), ids.add("a-2"), ids.add("a-1")
    (True, True, False)
    >>> len(ids)
    2
    """

    def __init__(self, capacity: int = 1024) -> None:
        size = 1
        while size < capacity:
            size *= 2
        self._table = np.zeros(size, dtype=np.uint64)
        self._n = 0

    def __len__(self) -> int:
        return self._n

    @property
    def nbytes(self) -> int:
        """Bytes held by the table."""
        return int(self._table.nbytes)

    def _insert(self, table: np.ndarray, h: int) -> bool:
        mask = len(table) - 1
        i = h & mask
        key = np.uint64(h)
        while True:
            slot = table[i]
            if slot == _EMPTY:
                table[i] = key
                return True
            if slot == key:
                return False
            i = (i + 1) & mask

    def add(self, text: str) -> bool:
        """Add ``text``; False when its hash was already there (a suspected duplicate)."""
        if not self._insert(self._table, _hash(text)):
            return False
        self._n += 1
        if 3 * self._n > 2 * len(self._table):
            old = self._table
            self._table = np.zeros(2 * len(old), dtype=np.uint64)
            for h in old[old != _EMPTY].tolist():
                self._insert(self._table, h)
        return True
