"""Word count with the Python DataStream API (run: PYTHONPATH=python /usr/bin/python3
examples/python/datastream_word_count.py [--input FILE]).

PyFlink's DataStream word count with the module renamed; the same program runs on PyFlink after renaming
sluice -> pyflink. In batch mode the keyed reduce prints each word's final count once.
"""

import argparse
import sys

from sluice.common import Types, WatermarkStrategy
from sluice.datastream import RuntimeExecutionMode, StreamExecutionEnvironment
from sluice.datastream.connectors import FileSource, StreamFormat

WORD_COUNT_DATA = ["To be, or not to be,--that is the question:--",
                   "Whether 'tis nobler in the mind to suffer",
                   "The slings and arrows of outrageous fortune",
                   "Or to take arms against a sea of troubles,",
                   "And by opposing end them?--To die,--to sleep,--",
                   "No more; and by a sleep to say we end"]


def word_count(input_path):
    env = StreamExecutionEnvironment.get_execution_environment()
    env.set_runtime_mode(RuntimeExecutionMode.BATCH)
    env.set_parallelism(1)

    if input_path is not None:
        ds = env.from_source(
            source=FileSource.for_record_stream_format(StreamFormat.text_line_format(), input_path)
            .process_static_file_set().build(),
            watermark_strategy=WatermarkStrategy.for_monotonous_timestamps(),
            source_name="file_source")
    else:
        print("Executing word_count example with default input data set.")
        print("Use --input to specify file input.")
        ds = env.from_collection(WORD_COUNT_DATA)

    def split(line):
        yield from line.split()

    ds = ds.flat_map(split) \
        .map(lambda i: (i, 1), output_type=Types.TUPLE([Types.STRING(), Types.INT()])) \
        .key_by(lambda i: i[0]) \
        .reduce(lambda i, j: (i[0], i[1] + j[1]))

    print("Printing result to stdout.")
    ds.print()
    env.execute()


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--input', dest='input', required=False, help='Input file to process.')
    known_args, _ = parser.parse_known_args(sys.argv[1:])
    word_count(known_args.input)
