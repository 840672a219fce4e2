"""PyFlink's ``pyflink.datastream.state_backend``: the state backend a job keeps its keyed state in, set with
``StreamExecutionEnvironment.set_state_backend``. Each backend stands for the engine's options it sets:
``HashMapStateBackend`` is ``state.backend.type: hashmap`` (state on the heap, the default) and
``EmbeddedRocksDBStateBackend`` is ``state.backend.type: rocksdb`` (state in an embedded RocksDB database on local
disk), with ``execution.checkpointing.incremental`` and ``state.backend.rocksdb.localdir``. Other names of PyFlink's
module raise NotImplementedError."""

from enum import Enum

from sluice.datastream._unsupported import unsupported_module

__all__ = ['StateBackend', 'HashMapStateBackend', 'EmbeddedRocksDBStateBackend', 'PredefinedOptions']

_BACKEND_TYPE = "state.backend.type"
_INCREMENTAL = "execution.checkpointing.incremental"
_LEGACY_INCREMENTAL = "state.backend.incremental"
_LOCAL_DIR = "state.backend.rocksdb.localdir"


class StateBackend(object):
    """How a job keeps its keyed state; its options go into the job's configuration."""

    def _options(self):
        """The configuration entries this backend stands for."""
        raise NotImplementedError

    def __eq__(self, other):
        return type(self) is type(other) and self._options() == other._options()

    def __hash__(self):
        return hash(tuple(sorted(self._options().items())))

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, self._options())


class HashMapStateBackend(StateBackend):
    """Keyed state as objects on the engine's heap (``state.backend.type: hashmap``), written whole at checkpoints."""

    def _options(self):
        return {_BACKEND_TYPE: "hashmap"}


class PredefinedOptions(Enum):
    """PyFlink's preset RocksDB tunings. Sluice's RocksDB backend has one tuning of its own: only ``DEFAULT`` is
    taken."""
    DEFAULT = 0
    SPINNING_DISK_OPTIMIZED = 1
    SPINNING_DISK_OPTIMIZED_HIGH_MEM = 2
    FLASH_SSD_OPTIMIZED = 3


class EmbeddedRocksDBStateBackend(StateBackend):
    """Keyed state in an embedded RocksDB database on local disk (``state.backend.type: rocksdb``), for state larger
    than memory. ``enable_incremental_checkpointing``: True makes each checkpoint upload only the database files no
    earlier checkpoint uploaded (``execution.checkpointing.incremental``); None keeps the configuration's value
    (false unless set)."""

    def __init__(self, enable_incremental_checkpointing=None):
        if enable_incremental_checkpointing not in (None, True, False):
            raise TypeError("Unsupported input for 'enable_incremental_checkpointing': %r, the value of the parameter "
                            "should be None or True or False." % (enable_incremental_checkpointing,))
        self._incremental = enable_incremental_checkpointing
        self._paths = None
        self._predefined = PredefinedOptions.DEFAULT
        self._configured_incremental = None

    def is_incremental_checkpoints_enabled(self):
        """Whether checkpoints are incremental: the constructor's choice, or else the configuration's."""
        if self._incremental is not None:
            return self._incremental
        return bool(self._configured_incremental)

    def set_db_storage_paths(self, *paths):
        """The local directory of the RocksDB databases (``state.backend.rocksdb.localdir``); no path resets it to the
        temporary directory. Sluice's backend takes one directory."""
        if len(paths) > 1:
            raise NotImplementedError("not supported yet: several RocksDB storage paths (one directory is taken)")
        if paths:
            p = str(paths[0])
            self._paths = [p[len("file://"):] if p.startswith("file://") else p]
        else:
            self._paths = None

    def set_db_storage_path(self, path):
        """The local directory of the RocksDB databases; None resets it to the temporary directory."""
        if path is None:
            self.set_db_storage_paths()
        else:
            self.set_db_storage_paths(path)

    def get_db_storage_paths(self):
        return list(self._paths) if self._paths else []

    def set_predefined_options(self, options):
        if options != PredefinedOptions.DEFAULT:
            raise NotImplementedError("not supported yet: RocksDB's %s tuning (Sluice's RocksDB backend has one tuning "
                                      "of its own)" % options.name)
        self._predefined = options

    def get_predefined_options(self):
        return self._predefined

    def set_options(self, options_factory_class_name):
        raise NotImplementedError("not supported yet: a RocksDB options factory (a Java class of Flink's RocksDB "
                                  "backend)")

    def get_options(self):
        """The class name of the RocksDB options factory: None (Sluice's backend has no factory)."""
        return None

    def _options(self):
        options = {_BACKEND_TYPE: "rocksdb"}
        if self._incremental is not None:
            options[_INCREMENTAL] = "true" if self._incremental else "false"
        if self._paths:
            options[_LOCAL_DIR] = self._paths[0]
        return options


def _from_config(config):
    """The backend a configuration names with ``state.backend.type`` (None where it names none)."""
    kind = (config.get(_BACKEND_TYPE) or "").strip().lower()
    if kind == "hashmap":
        return HashMapStateBackend()
    if kind == "rocksdb":
        backend = EmbeddedRocksDBStateBackend()
        incremental = config.get(_INCREMENTAL, config.get(_LEGACY_INCREMENTAL))
        backend._configured_incremental = str(incremental).strip().lower() == "true" if incremental else False
        if config.get(_LOCAL_DIR):
            backend._paths = [config[_LOCAL_DIR]]
        return backend
    return None


WHAT = "Flink's older and custom state backends; use HashMapStateBackend or EmbeddedRocksDBStateBackend"

__getattr__ = unsupported_module(__name__, WHAT)
