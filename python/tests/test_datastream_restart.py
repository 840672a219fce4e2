"""A keyed + broadcast Python DataStream job whose Python map fails once is restarted inside its run by the restart
strategy, from its latest checkpoint, and ends with every key's exact count (no record lost or counted twice); the
restart strategy, the state backend (RocksDB, incremental checkpoints) and the checkpoint storage are PyFlink's objects.
"""

import os
import tempfile
import unittest
from datetime import timedelta

from sluice.common import Types, WatermarkStrategy
from sluice.common.restart_strategy import RestartStrategies
from sluice.datastream import StreamExecutionEnvironment
from sluice.datastream.connectors.datagen import DataGeneratorSource, GeneratorFunction, RateLimiterStrategy
from sluice.datastream.functions import KeyedBroadcastProcessFunction, MapFunction
from sluice.datastream.checkpoint_storage import FileSystemCheckpointStorage
from sluice.datastream.state import MapStateDescriptor, ValueStateDescriptor
from sluice.datastream.state_backend import EmbeddedRocksDBStateBackend

RECORDS = 3000
KEYS = 7
RULES = MapStateDescriptor("rules", Types.STRING(), Types.INT())


class Index(GeneratorFunction):
    def map(self, value):
        return value


class FailOnce(MapFunction):
    """Fails at record ``at`` the first time (a file marks that it did)."""

    def __init__(self, marker, at):
        self.marker = marker
        self.at = at

    def map(self, value):
        if value == self.at and not os.path.exists(self.marker):
            open(self.marker, "w").close()
            raise RuntimeError("injected failure at record %d" % value)
        return value


class Count(KeyedBroadcastProcessFunction):
    """Counts per key; the third field tells whether RocksDB's working directory is under ``db_dir``."""

    def __init__(self, db_dir):
        self.db_dir = db_dir

    def open(self, runtime_context):
        self.count = runtime_context.get_state(ValueStateDescriptor("count", Types.LONG()))

    def process_element(self, value, ctx):
        count = (self.count.value() or 0) + 1
        self.count.update(count)
        yield ctx.get_current_key(), count, any(n.startswith("sluice-rocksdb-") for n in os.listdir(self.db_dir))

    def process_broadcast_element(self, value, ctx):
        ctx.get_broadcast_state(RULES).put("factor", value)


class RestartTest(unittest.TestCase):
    def run_job(self, parallelism):
        marker = os.path.join(tempfile.mkdtemp(), "failed")
        db_dir = tempfile.mkdtemp()
        checkpoints = tempfile.mkdtemp()
        env = StreamExecutionEnvironment.get_execution_environment()
        env.set_restart_strategy(RestartStrategies.fixed_delay_restart(3, timedelta(milliseconds=10)))
        backend = EmbeddedRocksDBStateBackend(enable_incremental_checkpointing=True)
        backend.set_db_storage_path(db_dir)
        env.set_state_backend(backend)
        env.set_parallelism(parallelism)
        env.enable_checkpointing(50)
        env.get_checkpoint_config().set_checkpoint_storage(FileSystemCheckpointStorage("file://" + checkpoints))
        # about 1.5 s of records, so that checkpoints complete before and after the failure
        source = env.from_source(DataGeneratorSource(Index(), RECORDS, RateLimiterStrategy.per_second(2000),
                                                     Types.LONG()), WatermarkStrategy.no_watermarks(), "indexes")
        rules = env.from_collection([1, 2, 3], Types.INT()).broadcast(RULES)
        counts = source.map(FailOnce(marker, RECORDS // 2), Types.LONG()).key_by(lambda v: v % KEYS) \
            .connect(rules).process(Count(db_dir), Types.TUPLE([Types.LONG(), Types.LONG(), Types.BOOLEAN()]))
        final = {}
        with counts.execute_and_collect() as results:
            for key, count, in_rocksdb in results:
                final[key] = max(final.get(key, 0), count)
                self.assertTrue(in_rocksdb, "the keyed state is not in RocksDB under " + db_dir)
        self.assertTrue(os.path.exists(marker), "the failure was not injected")
        # incremental checkpoints share the RocksDB files they uploaded
        self.assertTrue(any("shared" in dirs for _, dirs, _ in os.walk(checkpoints)), os.listdir(checkpoints))
        self.assertEqual(final, {k: len(range(k, RECORDS, KEYS)) for k in range(KEYS)})

    def test_restart_inside_the_run_counts_every_record_once(self):
        self.run_job(2)


if __name__ == '__main__':
    unittest.main()
