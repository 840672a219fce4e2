"""FileSource reading text lines or files of the engine's formats (Parquet, CSV), and FileSink writing lines or
bulk formats (Parquet, Avro, CSV) (PyFlink's ``pyflink.datastream.connectors.file_system``)."""

from sluice.common.typeinfo import Types
from sluice.datastream.connectors.base import Source

__all__ = ['FileSource', 'FileSourceBuilder', 'StreamFormat', 'FileSink', 'OutputFileConfig', 'RollingPolicy',
           'BucketAssigner',
           'BulkFormat']


class StreamFormat(object):
    """How a file's bytes become records; only text lines are supported."""

    def __init__(self, charset):
        self._charset = charset

    @staticmethod
    def text_line_format(charset_name="UTF-8"):
        return StreamFormat(charset_name)


class BulkFormat(object):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("not supported yet: bulk formats of FileSource in the Python DataStream API")


class FileSource(Source):
    """The lines of files (a path may be a directory: every file in it)."""

    def __init__(self, stream_format, paths, monitor_ms):
        self._format = stream_format
        self._paths = paths
        self._monitor_ms = monitor_ms

    @staticmethod
    def for_record_stream_format(stream_format, *paths):
        return FileSourceBuilder(stream_format, paths)

    @staticmethod
    def for_bulk_file_format(bulk_format, *paths):
        """Reads files of a bulk format: ``ParquetColumnarRowInputFormat(row_type, ...)``; the records are rows of
        its fields."""
        from sluice.datastream.formats._bulk import FileFormatReader
        if not isinstance(bulk_format, FileFormatReader):
            raise NotImplementedError("not supported yet: FileSource.for_bulk_file_format with %r "
                                      "(ParquetColumnarRowInputFormat is supported)" % (bulk_format,))
        return FileSourceBuilder(bulk_format, paths)

    def _node(self):
        from sluice.common.typeinfo import _type_json
        from sluice.datastream.formats._bulk import FileFormatReader
        paths = [p[len("file://"):] if p.startswith("file://") else p for p in self._paths]
        if isinstance(self._format, FileFormatReader):
            if self._monitor_ms is not None:
                raise NotImplementedError("not supported yet: monitoring directories for files of a file format")
            f = self._format
            return {"kind": "format_file", "paths": paths, "format": f._format, "row_type": f._row_type,
                    "options": f._options, "type": _type_json(f._type_info)}
        node = {"kind": "text_file", "paths": paths, "charset": self._format._charset}
        if self._monitor_ms is not None:
            node["monitor_ms"] = self._monitor_ms
        return node

    def _produced_type(self):
        from sluice.datastream.formats._bulk import FileFormatReader
        if isinstance(self._format, FileFormatReader):
            return self._format._type_info
        return Types.STRING()


class FileSourceBuilder(object):
    def __init__(self, stream_format, paths):
        self._format = stream_format
        self._paths = [str(p) for p in paths]
        self._monitor_ms = None

    def monitor_continuously(self, discovery_interval):
        self._monitor_ms = discovery_interval.to_milliseconds()
        return self

    def process_static_file_set(self):
        self._monitor_ms = None
        return self

    def set_file_enumerator(self, *args):
        raise NotImplementedError("not supported yet: FileSourceBuilder.set_file_enumerator")

    def set_split_assigner(self, *args):
        raise NotImplementedError("not supported yet: FileSourceBuilder.set_split_assigner")

    def build(self):
        return FileSource(self._format, self._paths, self._monitor_ms)


class FileSink(object):
    """Writes a stream's records as lines of text (``Encoder.simple_string_encoder()``: the text of each record, as
    ``print()`` shows it) into part files under ``base_path``, in buckets (subdirectories ``yyyy-MM-dd--HH`` of the
    processing time by default). A part file is hidden (``.part-....inprogress``) while it is written and gets its
    final name (``<prefix>-<uuid>-<subtask>-<counter><suffix>``) at the next checkpoint or at the end of the input:
    an unbounded job needs checkpoints for finished files, as in Flink."""

    def __init__(self, base_path, encoder, bucket_assigner, rolling_policy, output_file_config):
        self._base_path = base_path
        self._encoder = encoder
        self._bucket_assigner = bucket_assigner
        self._rolling_policy = rolling_policy
        self._output_file_config = output_file_config

    @staticmethod
    def for_row_format(base_path, encoder):
        return FileSink.RowFormatBuilder(base_path, encoder)

    @staticmethod
    def for_bulk_format(base_path, writer_factory):
        """Writes rows in a bulk file format: ``ParquetBulkWriters.for_row_type(...)`` or
        ``AvroBulkWriters.for_generic_record(...)``; a part file rolls at every checkpoint and at the end of the
        input (Flink's ``OnCheckpointRollingPolicy``)."""
        from sluice.datastream.formats._bulk import BulkWriterFactory
        if not isinstance(writer_factory, BulkWriterFactory):
            raise NotImplementedError("not supported yet: FileSink.for_bulk_format with %r (ParquetBulkWriters and "
                                      "AvroBulkWriters are supported)" % (writer_factory,))
        return FileSink.BulkFormatBuilder(base_path, writer_factory)

    def _spec(self):
        from sluice.datastream.formats._bulk import BulkWriterFactory
        if isinstance(self._encoder, BulkWriterFactory):
            return self._bulk_spec()
        path = self._base_path[len("file://"):] if self._base_path.startswith("file://") else self._base_path
        spec = {"kind": "file", "path": path, "charset": self._encoder._charset,
                "prefix": self._output_file_config._part_prefix, "suffix": self._output_file_config._part_suffix}
        if self._bucket_assigner._format is not None:
            spec["bucket_format"] = self._bucket_assigner._format
            if self._bucket_assigner._zone is not None:
                spec["zone"] = self._bucket_assigner._zone
        if self._rolling_policy._part_size is not None:
            spec["part_size"] = self._rolling_policy._part_size
        if self._rolling_policy._rollover is not None:
            spec["rollover_ms"] = self._rolling_policy._rollover
        return spec

    def _bulk_spec(self):
        path = self._base_path[len("file://"):] if self._base_path.startswith("file://") else self._base_path
        f = self._encoder
        spec = {"kind": "bulk_file", "path": path, "format": f._format, "row_type": f._row_type,
                "options": f._options, "prefix": self._output_file_config._part_prefix,
                "suffix": self._output_file_config._part_suffix}
        if self._bucket_assigner._format is not None:
            spec["bucket_format"] = self._bucket_assigner._format
            if self._bucket_assigner._zone is not None:
                spec["zone"] = self._bucket_assigner._zone
        return spec

    def _is_bulk(self):
        from sluice.datastream.formats._bulk import BulkWriterFactory
        return isinstance(self._encoder, BulkWriterFactory)

    class BulkFormatBuilder(object):
        def __init__(self, base_path, writer_factory):
            self._base_path = str(base_path)
            self._writer_factory = writer_factory
            self._bucket_assigner = BucketAssigner.date_time_bucket_assigner()
            self._output_file_config = OutputFileConfig.builder().build()

        def with_bucket_check_interval(self, interval):
            return self

        def with_bucket_assigner(self, bucket_assigner):
            self._bucket_assigner = bucket_assigner
            return self

        def with_rolling_policy(self, rolling_policy):
            if rolling_policy._part_size is not None or rolling_policy._rollover is not None:
                raise NotImplementedError("not supported yet: bulk formats rolling other than on checkpoints "
                                          "(RollingPolicy.on_checkpoint_rolling_policy())")
            return self

        def with_output_file_config(self, output_file_config):
            self._output_file_config = output_file_config
            return self

        def build(self):
            return FileSink(self._base_path, self._writer_factory, self._bucket_assigner,
                            RollingPolicy.on_checkpoint_rolling_policy(), self._output_file_config)

    class RowFormatBuilder(object):
        def __init__(self, base_path, encoder):
            self._base_path = str(base_path)
            self._encoder = encoder
            self._bucket_assigner = BucketAssigner.date_time_bucket_assigner()
            self._rolling_policy = RollingPolicy.default_rolling_policy()
            self._output_file_config = OutputFileConfig.builder().build()

        def with_bucket_check_interval(self, interval):
            return self

        def with_bucket_assigner(self, bucket_assigner):
            self._bucket_assigner = bucket_assigner
            return self

        def with_rolling_policy(self, rolling_policy):
            self._rolling_policy = rolling_policy
            return self

        def with_output_file_config(self, output_file_config):
            self._output_file_config = output_file_config
            return self

        def build(self):
            return FileSink(self._base_path, self._encoder, self._bucket_assigner, self._rolling_policy,
                            self._output_file_config)


class BucketAssigner(object):
    """Which directory under the base path a record goes to: by processing time (``date_time_bucket_assigner``,
    a Java date-time pattern) or the base path itself (``base_path_bucket_assigner``)."""

    def __init__(self, fmt, zone):
        self._format = fmt
        self._zone = zone

    @staticmethod
    def base_path_bucket_assigner():
        return BucketAssigner(None, None)

    @staticmethod
    def date_time_bucket_assigner(format_str="yyyy-MM-dd--HH", timezone_id=None):
        return BucketAssigner(format_str, timezone_id)


class OutputFileConfig(object):
    def __init__(self, part_prefix, part_suffix):
        self._part_prefix = part_prefix
        self._part_suffix = part_suffix

    @staticmethod
    def builder():
        return _OutputFileConfigBuilder()


class _OutputFileConfigBuilder(object):
    def __init__(self):
        self._prefix = "part"
        self._suffix = ""

    def with_part_prefix(self, prefix):
        self._prefix = prefix
        return self

    def with_part_suffix(self, suffix):
        self._suffix = suffix
        return self

    def build(self):
        return OutputFileConfig(self._prefix, self._suffix)


class RollingPolicy(object):
    """When a part file is closed: at checkpoints and the end of the input always, and by the default policy also
    when it reaches ``part_size`` bytes or is ``rollover_interval`` ms old (``inactivity_interval`` is not used)."""

    def __init__(self, part_size, rollover):
        self._part_size = part_size
        self._rollover = rollover

    @staticmethod
    def default_rolling_policy(part_size=1024 * 1024 * 128, rollover_interval=60 * 1000,
                               inactivity_interval=60 * 1000):
        return RollingPolicy(int(part_size), int(rollover_interval))

    @staticmethod
    def on_checkpoint_rolling_policy():
        return RollingPolicy(None, None)
