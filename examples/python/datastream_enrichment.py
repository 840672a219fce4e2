"""Enriching rides with their fares: two streams connected and keyed by ride id, joined in keyed state (run:
PYTHONPATH=python /usr/bin/python3 examples/python/datastream_enrichment.py).

Whichever of a ride and its fare arrives first waits in the key's state until the other arrives. The state is
the engine's keyed state, so it is part of checkpoints. The same program runs on PyFlink after renaming
sluice -> pyflink.
"""

from sluice.common import Types
from sluice.datastream import StreamExecutionEnvironment
from sluice.datastream.functions import KeyedCoProcessFunction, RuntimeContext
from sluice.datastream.state import ValueStateDescriptor

RIDES = [(1, "Alice", "Airport"), (2, "Bob", "Station"), (3, "Carol", "Harbour"), (4, "Dave", "Museum")]
FARES = [(3, 12.5, "card"), (1, 40.0, "cash"), (4, 9.0, "card"), (2, 17.25, "card")]


class EnrichmentFunction(KeyedCoProcessFunction):

    def open(self, runtime_context: RuntimeContext):
        self.ride_state = runtime_context.get_state(ValueStateDescriptor("saved ride", Types.PICKLED_BYTE_ARRAY()))
        self.fare_state = runtime_context.get_state(ValueStateDescriptor("saved fare", Types.PICKLED_BYTE_ARRAY()))

    def process_element1(self, ride, ctx):
        fare = self.fare_state.value()
        if fare is not None:
            self.fare_state.clear()
            yield self.joined(ride, fare)
        else:
            self.ride_state.update(ride)

    def process_element2(self, fare, ctx):
        ride = self.ride_state.value()
        if ride is not None:
            self.ride_state.clear()
            yield self.joined(ride, fare)
        else:
            self.fare_state.update(fare)

    @staticmethod
    def joined(ride, fare):
        return ride[0], ride[1], ride[2], fare[1], fare[2]


def main():
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_parallelism(2)
    rides = env.from_collection(RIDES)
    fares = env.from_collection(FARES)
    enriched = rides.connect(fares) \
        .key_by(lambda ride: ride[0], lambda fare: fare[0]) \
        .process(EnrichmentFunction(),
                 output_type=Types.ROW_NAMED(["ride_id", "driver", "destination", "fare", "payment"],
                                             [Types.LONG(), Types.STRING(), Types.STRING(), Types.DOUBLE(),
                                              Types.STRING()]))
    with enriched.execute_and_collect() as results:
        for row in sorted(results, key=lambda r: r.ride_id):
            print(row)


if __name__ == '__main__':
    main()
