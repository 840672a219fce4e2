"""A job for test_datastream_restore: counts records per key in keyed state, slowly, with checkpoints.

Usage: datastream_restore_job.py CHECKPOINT_DIR PARALLELISM [SAVEPOINT]. Prints "key count" per record as results
arrive.
"""

import sys
import time

from sluice.common import Configuration, Types
from sluice.datastream import StreamExecutionEnvironment
from sluice.datastream.functions import KeyedProcessFunction
from sluice.datastream.state import ValueStateDescriptor

RECORDS = 2000


class Count(KeyedProcessFunction):
    def open(self, runtime_context):
        self.count = runtime_context.get_state(ValueStateDescriptor("count", Types.LONG()))

    def process_element(self, value, ctx):
        n = (self.count.value() or 0) + 1
        self.count.update(n)
        yield "%s %d" % (ctx.get_current_key(), n)


def slow(v):
    time.sleep(0.002)
    return v


def main():
    config = Configuration()
    config.set_string("execution.checkpointing.dir", sys.argv[1])
    config.set_string("table.exec.batch-size", "10")
    config.set_string("restart-strategy.type", "none")  # a failure ends the run (the test restarts it)
    if len(sys.argv) > 3:
        config.set_string("execution.savepoint.path", sys.argv[3])
    env = StreamExecutionEnvironment.get_execution_environment(config)
    env.set_parallelism(int(sys.argv[2]))
    env.enable_checkpointing(100)
    ds = env.from_collection(list(range(RECORDS)), type_info=Types.LONG()) \
        .map(slow, Types.LONG()) \
        .key_by(lambda v: "k%d" % (v % 4)) \
        .process(Count(), Types.STRING())
    with ds.execute_and_collect() as results:
        for line in results:
            print(line, flush=True)


if __name__ == '__main__':
    main()
