"""PyFlink's ``pyflink.datastream.formats.parquet``: ``ParquetBulkWriters.for_row_type`` for
``FileSink.for_bulk_format`` and ``ParquetColumnarRowInputFormat`` for ``FileSource.for_bulk_file_format`` (the
engine's Parquet format). Importing another name from it raises NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module
from sluice.datastream.formats._bulk import BulkWriterFactory

__all__ = ['ParquetBulkWriters', 'ParquetColumnarRowInputFormat']

WHAT = ("the Avro-Parquet readers and writers of the DataStream API; ParquetColumnarRowInputFormat reads and "
        "ParquetBulkWriters.for_row_type writes Parquet files of rows")

# the Hadoop configuration keys of Flink's Parquet writer that the engine's Parquet format has
_HADOOP_KEYS = ("parquet.compression", "parquet.block.size", "parquet.page.size", "parquet.dictionary.page.size",
                "parquet.enable.dictionary", "parquet.writer.version")


class ParquetBulkWriters(object):
    """Bulk writers of Parquet files."""

    @staticmethod
    def for_row_type(row_type, hadoop_config=None, utc_timestamp=False):
        """Writes rows of ``row_type`` (a ``DataTypes.ROW``; the stream's records are ``Types.ROW_NAMED`` rows of
        those fields) as Parquet files; ``hadoop_config`` may set ``parquet.compression``, ``parquet.block.size``,
        ``parquet.page.size``, ``parquet.enable.dictionary`` and ``parquet.writer.version``; ``utc_timestamp``
        writes timestamps as UTC instead of the local time zone."""
        from sluice.table.types import RowType
        if not isinstance(row_type, RowType):
            raise TypeError("ParquetBulkWriters.for_row_type takes a DataTypes.ROW(...), not %r" % (row_type,))
        options = {"parquet.utc-timezone": "true" if utc_timestamp else "false"}
        if hadoop_config is not None:
            for key, value in hadoop_config.to_dict().items():
                if key not in _HADOOP_KEYS:
                    raise NotImplementedError("not supported yet: the Parquet writer option %s (the engine's "
                                              "Parquet format has %s)" % (key, ", ".join(_HADOOP_KEYS)))
                options[key] = str(value)
        return BulkWriterFactory("parquet", row_type.sql(), len(row_type.fields), options,
                                 "ParquetBulkWriters.for_row_type")


def ParquetColumnarRowInputFormat(row_type, hadoop_config=None, batch_size=2048, is_utc_timestamp=False,
                                  is_case_sensitive=True):
    """Reads the columns of ``row_type`` (a ``DataTypes.ROW``) from Parquet files as rows of those fields
    (``FileSource.for_bulk_file_format``); ``is_utc_timestamp`` reads timestamps as UTC."""
    from sluice.datastream.formats._bulk import FileFormatReader
    from sluice.table.types import RowType
    if not isinstance(row_type, RowType):
        raise TypeError("ParquetColumnarRowInputFormat takes a DataTypes.ROW(...), not %r" % (row_type,))
    if not is_case_sensitive:
        raise NotImplementedError("not supported yet: Parquet columns matched case-insensitively")
    return FileFormatReader("parquet", [f.name for f in row_type.fields], [f.data_type.sql() for f in row_type.fields],
                            {"parquet.utc-timezone": "true" if is_utc_timestamp else "false"})


__getattr__ = unsupported_module(__name__, WHAT)
