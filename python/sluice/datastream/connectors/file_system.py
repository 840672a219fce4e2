"""FileSource reading text lines (PyFlink's ``pyflink.datastream.connectors.file_system``). File sinks are not
supported yet: ``FileSink`` exists so that programs import, and building one says so."""

from sluice.common.typeinfo import Types
from sluice.datastream.connectors.base import Source

__all__ = ['FileSource', 'FileSourceBuilder', 'StreamFormat', 'FileSink', 'OutputFileConfig', 'RollingPolicy',
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
        raise NotImplementedError("not supported yet: FileSource.for_bulk_file_format in the Python DataStream API")

    def _node(self):
        paths = [p[len("file://"):] if p.startswith("file://") else p for p in self._paths]
        node = {"kind": "text_file", "paths": paths, "charset": self._format._charset}
        if self._monitor_ms is not None:
            node["monitor_ms"] = self._monitor_ms
        return node

    def _produced_type(self):
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
    @staticmethod
    def for_row_format(base_path, encoder):
        return _FileSinkBuilder()

    @staticmethod
    def for_bulk_format(base_path, writer_factory):
        return _FileSinkBuilder()


class _FileSinkBuilder(object):
    def with_output_file_config(self, output_file_config):
        return self

    def with_rolling_policy(self, rolling_policy):
        return self

    def with_bucket_check_interval(self, interval):
        return self

    def build(self):
        raise NotImplementedError("not supported yet: FileSink in the Python DataStream API (use print() or "
                                  "execute_and_collect())")


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
    @staticmethod
    def default_rolling_policy(*args, **kwargs):
        return RollingPolicy()

    @staticmethod
    def on_checkpoint_rolling_policy():
        return RollingPolicy()
