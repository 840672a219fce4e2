"""The Kafka connector of the Python DataStream API (PyFlink's KafkaSource/KafkaSink builders, renamed) against a
real Kafka broker, which the test starts in a process of its own from the engine's class path."""

import json
import os
import re
import subprocess
import tempfile
import threading
import unittest

from sluice.common import Configuration, Row, SimpleStringSchema, Types, WatermarkStrategy
from sluice.datastream import StreamExecutionEnvironment
from sluice.datastream.connectors import DeliveryGuarantee
from sluice.datastream.connectors.kafka import (FlinkKafkaConsumer, KafkaOffsetResetStrategy, KafkaOffsetsInitializer,
                                                KafkaRecordSerializationSchema, KafkaSink, KafkaSource,
                                                KafkaTopicPartition, KafkaTopicSelector)
from sluice.datastream.formats.json import JsonRowDeserializationSchema, JsonRowSerializationSchema


class Broker(object):
    """io.sluice.python.testing.KafkaBroker: an embedded broker answering JSON requests on its stdin."""

    def __init__(self):
        from sluice.java_gateway import _class_path, _java, _jvm_flags
        java = _java()
        self.process = subprocess.Popen([java] + _jvm_flags(java) + ["-cp", _class_path(),
                                                                     "io.sluice.python.testing.KafkaBroker"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        errors = []
        threading.Thread(target=lambda: [errors.append(l) for l in iter(self.process.stderr.readline, b"")],
                         daemon=True).start()
        line = self.process.stdout.readline().decode("utf-8")
        if not line.startswith("bootstrap="):
            self.process.wait(timeout=30)
            raise RuntimeError("The Kafka broker did not start:\n" + b"".join(errors[-50:]).decode("utf-8", "replace"))
        self.bootstrap = line.strip()[len("bootstrap="):]
        self.lock = threading.Lock()

    def request(self, **r):
        with self.lock:
            self.process.stdin.write((json.dumps(r) + "\n").encode("utf-8"))
            self.process.stdin.flush()
            answer = json.loads(self.process.stdout.readline().decode("utf-8"))
        if "error" in answer:
            raise RuntimeError(answer["error"])
        return answer["result"]

    def create(self, topic, partitions=1):
        self.request(op="create", topic=topic, partitions=partitions)

    def produce(self, topic, values, partition=0, timestamp=None, key=None):
        self.request(op="produce", topic=topic, partition=partition, timestamp=timestamp,
                     records=[[key, v] for v in values])

    def read(self, topic, isolation="read_uncommitted"):
        """The records as (partition, key, value, timestamp)."""
        return [tuple(r) for r in self.request(op="read", topic=topic, isolation=isolation)]

    def close(self):
        self.process.stdin.close()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()


class KafkaTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.broker = Broker()

    @classmethod
    def tearDownClass(cls):
        cls.broker.close()

    def env(self, parallelism=1, checkpoints=None):
        config = Configuration()
        if checkpoints is not None:
            config.set_string("execution.checkpointing.dir", tempfile.mkdtemp())
        env = StreamExecutionEnvironment.get_execution_environment(config)
        env.set_parallelism(parallelism)
        if checkpoints is not None:
            env.enable_checkpointing(checkpoints)
        return env

    def source(self, topic, deserializer=None, **kwargs):
        builder = KafkaSource.builder() \
            .set_bootstrap_servers(self.broker.bootstrap) \
            .set_topics(topic) \
            .set_bounded(KafkaOffsetsInitializer.latest()) \
            .set_value_only_deserializer(deserializer or SimpleStringSchema())
        if "starting" in kwargs:
            builder.set_starting_offsets(kwargs["starting"])
        if "group" in kwargs:
            builder.set_group_id(kwargs["group"])
        return builder.build()

    def test_word_count_from_a_topic(self):
        # PyFlink's KafkaSource documentation example, reading a bounded topic
        self.broker.create("lines", 3)
        for p in range(3):
            self.broker.produce("lines", ["to be or not", "to be"], partition=p)
        env = self.env(parallelism=2)
        source = KafkaSource.builder() \
            .set_bootstrap_servers(self.broker.bootstrap) \
            .set_topics("lines") \
            .set_group_id("my-group") \
            .set_starting_offsets(KafkaOffsetsInitializer.earliest()) \
            .set_bounded(KafkaOffsetsInitializer.latest()) \
            .set_value_only_deserializer(SimpleStringSchema()) \
            .build()
        ds = env.from_source(source, WatermarkStrategy.no_watermarks(), "Kafka Source")
        counts = ds.flat_map(lambda line: [(w, 1) for w in line.split()],
                             output_type=Types.TUPLE([Types.STRING(), Types.INT()])) \
            .key_by(lambda t: t[0]) \
            .reduce(lambda a, b: (a[0], a[1] + b[1])) \
            .execute_and_collect()
        final = {}
        with counts:
            for word, count in counts:
                final[word] = max(final.get(word, 0), count)
        self.assertEqual(final, {"to": 6, "be": 6, "or": 3, "not": 3})

    def test_starting_offsets_by_timestamp_partition_offsets_and_committed_offsets(self):
        self.broker.create("stamped", 1)
        for i, v in enumerate(["a", "b", "c"]):
            self.broker.produce("stamped", [v], timestamp=1000 * (i + 1))

        def read(**kwargs):
            env = self.env()
            ds = env.from_source(self.source("stamped", **kwargs), WatermarkStrategy.no_watermarks(), "Kafka")
            with ds.execute_and_collect() as it:
                return sorted(it)

        self.assertEqual(read(starting=KafkaOffsetsInitializer.timestamp(1500)), ["b", "c"])
        self.assertEqual(read(starting=KafkaOffsetsInitializer.offsets({KafkaTopicPartition("stamped", 0): 2})),
                         ["c"])
        self.assertEqual(read(starting=KafkaOffsetsInitializer.committed_offsets(KafkaOffsetResetStrategy.EARLIEST),
                              group="never-committed"), ["a", "b", "c"])
        with self.assertRaisesRegex(Exception, "No committed offset"):
            read(starting=KafkaOffsetsInitializer.committed_offsets(), group="never-committed")

    def test_sink_to_kafka_exactly_once(self):
        # PyFlink's KafkaSink documentation example, with EXACTLY_ONCE and checkpoints
        self.broker.create("words-out", 2)
        env = self.env(parallelism=2, checkpoints=50)
        words = ["w%d" % i for i in range(100)]
        sink = KafkaSink.builder() \
            .set_bootstrap_servers(self.broker.bootstrap) \
            .set_record_serializer(
                KafkaRecordSerializationSchema.builder()
                .set_topic("words-out")
                .set_value_serialization_schema(SimpleStringSchema())
                .build()) \
            .set_delivery_guarantee(DeliveryGuarantee.EXACTLY_ONCE) \
            .set_transactional_id_prefix("python-words") \
            .build()
        env.from_collection(words, type_info=Types.STRING()).map(str.upper, Types.STRING()).sink_to(sink)
        env.execute("to kafka")
        self.assertEqual(sorted(r[2] for r in self.broker.read("words-out", "read_committed")),
                         sorted(w.upper() for w in words))

    def test_json_rows_with_keys_and_a_topic_selector_round_trip(self):
        self.broker.create("orders-books", 1)
        self.broker.create("orders-games", 1)
        row_type = Types.ROW_NAMED(["id", "category", "price"], [Types.INT(), Types.STRING(), Types.DOUBLE()])
        env = self.env()

        class ByCategory(KafkaTopicSelector):
            def apply(self, row):
                return "orders-" + row["category"]

        sink = KafkaSink.builder() \
            .set_bootstrap_servers(self.broker.bootstrap) \
            .set_record_serializer(
                KafkaRecordSerializationSchema.builder()
                .set_topic_selector(ByCategory())
                .set_key_serialization_schema(JsonRowSerializationSchema.builder().with_type_info(row_type).build())
                .set_value_serialization_schema(JsonRowSerializationSchema.builder().with_type_info(row_type).build())
                .build()) \
            .set_delivery_guarantee(DeliveryGuarantee.AT_LEAST_ONCE) \
            .build()
        env.from_collection([Row(1, "books", 9.5), Row(2, "games", 20.0), Row(3, "books", None)],
                            type_info=row_type).sink_to(sink)
        env.execute("json to kafka")
        books = self.broker.read("orders-books")
        self.assertEqual([json.loads(r[2]) for r in books],
                         [{"id": 1, "category": "books", "price": 9.5},
                          {"id": 3, "category": "books", "price": None}])
        self.assertEqual([json.loads(r[1]) for r in books], [json.loads(r[2]) for r in books])
        self.assertEqual([json.loads(r[2])["id"] for r in self.broker.read("orders-games")], [2])

        self.broker.produce("orders-books", ['{"id": 4, "category": "books"}', 'not json'])
        deserializer = JsonRowDeserializationSchema.builder().type_info(row_type).ignore_parse_errors().build()
        env = self.env()
        ds = env.from_source(self.source("orders-books", deserializer), WatermarkStrategy.no_watermarks(), "Kafka")
        self.assertEqual(ds.get_type(), row_type)
        with ds.map(lambda r: "%s/%s/%s" % (r.id, r.category, r.price), Types.STRING()).execute_and_collect() as it:
            self.assertEqual(sorted(it), ["1/books/9.5", "3/books/None", "4/books/None"])

        strict = JsonRowDeserializationSchema.builder().type_info(row_type).build()
        env = self.env()
        env.from_source(self.source("orders-books", strict), WatermarkStrategy.no_watermarks(), "Kafka").print()
        with self.assertRaisesRegex(Exception, "Failed to deserialize JSON 'not json'"):
            env.execute("strict json")

    def test_the_kafka_example_of_the_docs(self):
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        with open(os.path.join(root, "docs", "python.md"), encoding="utf-8") as f:
            example = re.search(r"```python kafka\n(.*?)```", f.read(), re.S).group(1)
        example = example.replace('brokers = "127.0.0.1:9092"', "brokers = %r" % self.broker.bootstrap)
        self.broker.create("input-topic", 2)
        self.broker.create("output-topic", 1)
        self.broker.produce("input-topic", ["hello", "kafka"], partition=0)
        self.broker.produce("input-topic", ["from", "python"], partition=1)
        exec(compile(example, "docs/python.md", "exec"), {})
        self.assertEqual(sorted(r[2] for r in self.broker.read("output-topic")), ["FROM", "HELLO", "KAFKA", "PYTHON"])

    def test_schemas_and_streams_must_agree_and_legacy_classes_say_what_to_use(self):
        env = self.env()
        sink = KafkaSink.builder().set_bootstrap_servers(self.broker.bootstrap).set_record_serializer(
            KafkaRecordSerializationSchema.builder().set_topic("t").set_value_serialization_schema(
                SimpleStringSchema()).build()).build()
        with self.assertRaisesRegex(TypeError, "SimpleStringSchema writes records of type STRING"):
            env.from_collection([1, 2]).sink_to(sink)
        with self.assertRaisesRegex(ValueError, "No subscribe mode"):
            KafkaSource.builder().set_bootstrap_servers("x").set_value_only_deserializer(
                SimpleStringSchema()).build()
        with self.assertRaisesRegex(NotImplementedError, "not supported yet: FlinkKafkaConsumer"):
            FlinkKafkaConsumer("t", SimpleStringSchema(), {})


if __name__ == "__main__":
    unittest.main()
