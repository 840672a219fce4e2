"""PyFlink's ``pyflink.datastream.checkpoint_storage``: where checkpoints are written, set with
``env.get_checkpoint_config().set_checkpoint_storage(...)``. Each storage stands for the engine's
``execution.checkpointing.dir``: ``FileSystemCheckpointStorage(path)`` writes checkpoints under ``path``;
``JobManagerCheckpointStorage()`` without a path writes them under the engine's default directory (the engine keeps
no checkpoint in memory only). Other names of PyFlink's module raise NotImplementedError."""

from sluice.datastream._unsupported import unsupported_module

__all__ = ['CheckpointStorage', 'JobManagerCheckpointStorage', 'FileSystemCheckpointStorage']

_DIRECTORY = "execution.checkpointing.dir"


def _local(path):
    path = str(path)
    return path[len("file://"):] if path.startswith("file://") else path


class CheckpointStorage(object):
    """Where a job's checkpoints go; its directory becomes ``execution.checkpointing.dir``."""

    def __init__(self, checkpoint_path):
        self._path = _local(checkpoint_path) if checkpoint_path is not None else None

    def get_checkpoint_path(self):
        """The directory checkpoints are written under (None: the engine's default directory)."""
        return self._path

    def _apply(self, config):
        if self._path is None:
            config.pop(_DIRECTORY, None)
        else:
            config[_DIRECTORY] = self._path

    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash((type(self).__name__, self._path))

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._path)


class JobManagerCheckpointStorage(CheckpointStorage):
    """PyFlink's checkpoints in the JobManager's memory. Sluice always writes checkpoints to files: under
    ``checkpoint_path`` if given, else under the engine's default directory."""

    def __init__(self, checkpoint_path=None, max_state_size=None):
        if max_state_size is not None:
            raise NotImplementedError("not supported yet: a maximum checkpointed state size (checkpoints are written "
                                      "to files of any size)")
        super(JobManagerCheckpointStorage, self).__init__(checkpoint_path)


class FileSystemCheckpointStorage(CheckpointStorage):
    """Checkpoints written as files under ``checkpoint_path`` (a local path or a ``file://`` URI). The size threshold
    and the write buffer size are kept for their getters; they do not change how the engine writes its files."""

    def __init__(self, checkpoint_path, file_state_size_threshold=None, write_buffer_size=None):
        if checkpoint_path is None:
            raise ValueError("FileSystemCheckpointStorage needs a checkpoint path")
        super(FileSystemCheckpointStorage, self).__init__(checkpoint_path)
        self._threshold = 20 * 1024 if file_state_size_threshold is None else int(file_state_size_threshold)
        self._buffer = 4096 if write_buffer_size is None or write_buffer_size == -1 else int(write_buffer_size)

    def get_min_file_size_threshold(self):
        return self._threshold

    def get_write_buffer_size(self):
        return self._buffer


WHAT = "custom checkpoint storage; use FileSystemCheckpointStorage or set 'execution.checkpointing.dir'"

__getattr__ = unsupported_module(__name__, WHAT)
