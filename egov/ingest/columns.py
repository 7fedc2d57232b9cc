"""A column of a file by its distinct values: decide a rule once per value, spread it over the rows.

A national score file has hundreds of thousands of rows and a few hundred distinct cells per
column; a Python step per row cost more than reading the file. The reader (``read``, blank rows)
and the bulk path (``bulk``, typing and codes) both decide per distinct value and let Arrow
spread the answer back.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc


def rows_where(index: pa.Array, flags: list[bool]) -> list[int]:
    """The rows (0-based, in order) whose ``index`` (a position in ``flags``) is flagged."""
    wanted = [i for i, flag in enumerate(flags) if flag]
    if not wanted:
        return []
    return pc.indices_nonzero(pc.is_in(index, value_set=pa.array(wanted, index.type))).to_pylist()


class Distinct:
    """An Arrow column's distinct values (None among them) and, per row, which of them it holds."""

    def __init__(self, column: pa.Array | pa.ChunkedArray):
        if isinstance(column, pa.ChunkedArray):
            column = column.combine_chunks()
        encoded = column.dictionary_encode(null_encoding="encode")
        self.values: list = encoded.dictionary.to_pylist()
        self.index: pa.Array = encoded.indices  # int32, never null

    def blanks(self) -> list[bool]:
        """Per distinct text: whether it is blank (empty or whitespace only, as ``str.strip`` sees it)."""
        return [not text.strip() for text in self.values]

    def spread(self, per_value: list, type_: pa.DataType) -> pa.Array:
        """One value per distinct value -> the column of them, row by row."""
        return pa.array(per_value, type_).take(self.index)

    def rows(self, flags: list[bool]) -> list[int]:
        """The rows (0-based, in order) whose value is flagged."""
        return rows_where(self.index, flags)
