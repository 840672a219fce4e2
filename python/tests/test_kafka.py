"""The Kafka connector of the Python DataStream API (PyFlink's KafkaSource/KafkaSink builders, renamed) against a
real Kafka broker, which the test starts in a process of its own from the engine's class path."""

import json
import os
import re
import subprocess
import tempfile
import threading
import unittest

from sluice.common import (ByteArraySchema, Configuration, Row, RowFieldExtractorSchema, SimpleStringSchema, Types,
                           WatermarkStrategy)
from sluice.datastream import StreamExecutionEnvironment
from sluice.datastream.connectors import DeliveryGuarantee
from sluice.datastream.connectors.kafka import (FlinkKafkaConsumer, KafkaOffsetResetStrategy, KafkaOffsetsInitializer,
                                                KafkaRecordSerializationSchema, KafkaSink, KafkaSource,
                                                KafkaTopicPartition, KafkaTopicSelector)
from sluice.datastream.formats.avro import AvroRowDeserializationSchema, AvroRowSerializationSchema
from sluice.datastream.formats.csv import CsvRowDeserializationSchema, CsvRowSerializationSchema
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

    def test_pyflinks_kafka_json_format_example(self):
        # PyFlink's examples/datastream/connectors/kafka_json_format.py, renamed (the broker's address and a limit
        # for the unbounded read added)
        self.broker.create("test_json_topic", 1)
        env = self.env()
        type_info = Types.ROW([Types.INT(), Types.STRING()])
        ds = env.from_collection(
            [(1, 'hi'), (2, 'hello'), (3, 'hi'), (4, 'hello'), (5, 'hi'), (6, 'hello'), (6, 'hello')],
            type_info=type_info)
        serialization_schema = JsonRowSerializationSchema.Builder() \
            .with_type_info(type_info) \
            .build()
        record_serializer = KafkaRecordSerializationSchema.builder() \
            .set_topic('test_json_topic') \
            .set_value_serialization_schema(serialization_schema) \
            .build()
        kafka_sink = (
            KafkaSink.builder()
            .set_record_serializer(record_serializer)
            .set_bootstrap_servers(self.broker.bootstrap)
            .set_property("group.id", "test_group")
            .build()
        )
        ds.sink_to(kafka_sink)
        env.execute()
        self.assertEqual([r[2] for r in self.broker.read("test_json_topic")][:2],
                         ['{"f0":1,"f1":"hi"}', '{"f0":2,"f1":"hello"}'])

        deserialization_schema = JsonRowDeserializationSchema.Builder() \
            .type_info(Types.ROW([Types.INT(), Types.STRING()])) \
            .build()
        kafka_source = (
            KafkaSource.builder()
            .set_topics('test_json_topic')
            .set_value_only_deserializer(deserialization_schema)
            .set_properties({'bootstrap.servers': self.broker.bootstrap, 'group.id': 'test_group_1'})
            .set_starting_offsets(KafkaOffsetsInitializer.earliest())
            .build()
        )
        ds = env.from_source(
            kafka_source,
            watermark_strategy=WatermarkStrategy.no_watermarks(),
            source_name="kafka source"
        )
        # the source is unbounded: collecting as many records as were written ends the job
        self.assertEqual([tuple(r) for r in ds.execute_and_collect(limit=7)],
                         [(1, 'hi'), (2, 'hello'), (3, 'hi'), (4, 'hello'), (5, 'hi'), (6, 'hello'), (6, 'hello')])

    def test_csv_rows_as_pyflinks_kafka_csv_format_example_writes_them(self):
        # PyFlink's kafka_csv_format.py writes with the legacy FlinkKafkaProducer: here with KafkaSink
        self.broker.create("test_csv_topic", 1)
        env = self.env()
        type_info = Types.ROW([Types.INT(), Types.STRING()])
        ds = env.from_collection([(1, 'hi'), (2, 'hello'), (3, 'hi there'), (4, None)], type_info=type_info)
        serialization_schema = CsvRowSerializationSchema.Builder(type_info).build()
        ds.sink_to(KafkaSink.builder().set_bootstrap_servers(self.broker.bootstrap).set_record_serializer(
            KafkaRecordSerializationSchema.builder().set_topic('test_csv_topic')
            .set_value_serialization_schema(serialization_schema).build()).build())
        env.execute()
        self.assertEqual([r[2] for r in self.broker.read("test_csv_topic")],
                         ['1,hi\n', '2,hello\n', '3,"hi there"\n', '4,\n'])
        self.broker.produce("test_csv_topic", ["5;bad"])
        deserialization_schema = CsvRowDeserializationSchema.Builder(type_info).set_ignore_parse_errors(True).build()
        ds = env.from_source(self.source("test_csv_topic", deserialization_schema),
                             WatermarkStrategy.no_watermarks(), "kafka source")
        with ds.execute_and_collect() as it:
            self.assertEqual([tuple(r) for r in it], [(1, 'hi'), (2, 'hello'), (3, 'hi there'), (4, None)])

    def test_pyflinks_kafka_avro_format_example(self):
        # PyFlink's examples/datastream/connectors/kafka_avro_format.py, renamed (the broker's address and a limit
        # for the unbounded read added)
        self.broker.create("test_avro_topic", 1)
        env = self.env()
        ds = env.from_collection([
            (1, 'hi'), (2, 'hello'), (3, 'hi'), (4, 'hello'), (5, 'hi'), (6, 'hello'), (6, 'hello')],
            type_info=Types.ROW([Types.INT(), Types.STRING()]))
        serialization_schema = AvroRowSerializationSchema(
            avro_schema_string="""
                {
                    "type": "record",
                    "name": "TestRecord",
                    "fields": [
                        {"name": "id", "type": "int"},
                        {"name": "name", "type": "string"}
                    ]
                }"""
        )
        record_serializer = KafkaRecordSerializationSchema.builder() \
            .set_topic('test_avro_topic') \
            .set_value_serialization_schema(serialization_schema) \
            .build()
        kafka_sink = (
            KafkaSink.builder()
            .set_record_serializer(record_serializer)
            .set_bootstrap_servers(self.broker.bootstrap)
            .set_property("group.id", "test_group")
            .build()
        )
        ds.sink_to(kafka_sink)
        env.execute()
        # Avro binary: zigzag varint 2 for id 1, then the string's length (2 -> 4) and its bytes
        self.assertEqual(self.broker.read("test_avro_topic")[0][2], "\x02\x04hi")

        deserialization_schema = AvroRowDeserializationSchema(
            avro_schema_string="""
                {
                    "type": "record",
                    "name": "TestRecord",
                    "fields": [
                        {"name": "id", "type": "int"},
                        {"name": "name", "type": "string"}
                    ]
                }"""
        )
        kafka_source = (
            KafkaSource.builder()
            .set_topics('test_avro_topic')
            .set_value_only_deserializer(deserialization_schema)
            .set_properties({'bootstrap.servers': self.broker.bootstrap, 'group.id': 'test_group_1'})
            .set_starting_offsets(KafkaOffsetsInitializer.earliest())
            .build()
        )
        ds = env.from_source(
            kafka_source,
            watermark_strategy=WatermarkStrategy.no_watermarks(),
            source_name="kafka source"
        )
        rows = ds.execute_and_collect(limit=7)
        self.assertEqual([(r.id, r.name) for r in rows],
                         [(1, 'hi'), (2, 'hello'), (3, 'hi'), (4, 'hello'), (5, 'hi'), (6, 'hello'), (6, 'hello')])

    def test_avro_rows_with_optional_nested_and_logical_fields(self):
        import datetime
        self.broker.create("avro-nested", 1)
        schema = json.dumps({
            "type": "record", "name": "Order", "namespace": "shop",
            "fields": [{"name": "id", "type": "long"},
                       {"name": "note", "type": ["null", "string"]},
                       {"name": "customer", "type": {"type": "record", "name": "Customer",
                                                     "fields": [{"name": "name", "type": "string"}]}},
                       {"name": "items", "type": {"type": "array", "items": "string"}},
                       {"name": "day", "type": {"type": "int", "logicalType": "date"}},
                       {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}}]})
        reader = AvroRowDeserializationSchema(avro_schema_string=schema)
        row_type = reader._produced_type()
        env = self.env()
        rows = [Row(1, None, Row("ann"), ["a", "b"], datetime.date(2024, 5, 2),
                    datetime.datetime(2024, 5, 2, 9, 15, 0, 250000)),
                Row(2, "gift", Row("bob"), [], datetime.date(1970, 1, 1), datetime.datetime(1970, 1, 1))]
        env.from_collection(rows, type_info=row_type).sink_to(
            KafkaSink.builder().set_bootstrap_servers(self.broker.bootstrap).set_record_serializer(
                KafkaRecordSerializationSchema.builder().set_topic("avro-nested").set_value_serialization_schema(
                    AvroRowSerializationSchema(avro_schema_string=schema)).build()).build())
        env.execute("avro out")
        ds = env.from_source(self.source("avro-nested", reader), WatermarkStrategy.no_watermarks(), "avro in")
        self.assertEqual(ds.get_type(), row_type)
        with ds.execute_and_collect() as it:
            got = list(it)
        self.assertEqual([(r.id, r.note, r.customer.name, r.items, r.day, r.at) for r in got],
                         [(1, None, "ann", ["a", "b"], datetime.date(2024, 5, 2),
                           datetime.datetime(2024, 5, 2, 9, 15, 0, 250000)),
                          (2, "gift", "bob", [], datetime.date(1970, 1, 1), datetime.datetime(1970, 1, 1))])
        with self.assertRaisesRegex(NotImplementedError, "not supported yet: AvroRowSerializationSchema with a "
                                                         "Java record class"):
            AvroRowSerializationSchema(record_class="shop.Order")

    def test_pyflinks_byte_array_and_row_field_extractor_examples(self):
        # PyFlink's kafka_bytearray_format.py and kafka_row_field_extractor_example.py, renamed
        self.broker.create("test_bytearray_topic", 1)
        self.broker.create("row-extractor-example", 3)
        env = self.env()
        data = [(json.dumps({"id": 1, "country": "USA"}).encode("utf-8"),),
                (json.dumps({"id": 2, "country": "Canada"}).encode("utf-8"),)]
        ds = env.from_collection(data, type_info=Types.ROW([Types.PRIMITIVE_ARRAY(Types.BYTE())]))
        ds = ds.map(lambda x: x[0], output_type=Types.PRIMITIVE_ARRAY(Types.BYTE()))
        record_serializer = KafkaRecordSerializationSchema.builder() \
            .set_topic('test_bytearray_topic') \
            .set_value_serialization_schema(ByteArraySchema()) \
            .build()
        ds.sink_to(KafkaSink.builder().set_record_serializer(record_serializer)
                   .set_bootstrap_servers(self.broker.bootstrap).build())
        env.execute()
        kafka_source = KafkaSource.builder() \
            .set_topics('test_bytearray_topic') \
            .set_value_only_deserializer(ByteArraySchema()) \
            .set_properties({'bootstrap.servers': self.broker.bootstrap, 'group.id': 'test_group_1'}) \
            .set_starting_offsets(KafkaOffsetsInitializer.earliest()) \
            .set_bounded(KafkaOffsetsInitializer.latest()) \
            .build()
        ds = env.from_source(kafka_source, watermark_strategy=WatermarkStrategy.no_watermarks(),
                             source_name="kafka source")
        with ds.map(lambda data: data.decode("utf-8")).execute_and_collect() as it:
            self.assertEqual(list(it), ['{"id": 1, "country": "USA"}', '{"id": 2, "country": "Canada"}'])

        rows = [Row(b"user-001", json.dumps({"type": "purchase", "item": "laptop"}).encode("utf-8")),
                Row(b"user-002", json.dumps({"type": "view", "item": "phone"}).encode("utf-8")),
                Row(b"user-001", json.dumps({"type": "add_to_cart", "item": "mouse"}).encode("utf-8"))]
        row_type = Types.ROW([Types.PRIMITIVE_ARRAY(Types.BYTE()), Types.PRIMITIVE_ARRAY(Types.BYTE())])
        ds = env.from_collection(rows, type_info=row_type).map(lambda row: row, output_type=row_type)
        ds.sink_to(KafkaSink.builder()
                   .set_bootstrap_servers(self.broker.bootstrap)
                   .set_record_serializer(
                       KafkaRecordSerializationSchema.builder()
                       .set_topic("row-extractor-example")
                       .set_key_serialization_schema(RowFieldExtractorSchema(0))
                       .set_value_serialization_schema(RowFieldExtractorSchema(1))
                       .build())
                   .set_delivery_guarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                   .build())
        env.execute("Kafka RowFieldExtractorSchema Example")
        written = self.broker.read("row-extractor-example")
        self.assertEqual(sorted((r[1], json.loads(r[2])["item"]) for r in written),
                         [("user-001", "laptop"), ("user-001", "mouse"), ("user-002", "phone")])
        # the key chooses the partition: both records of user-001 are in one
        self.assertEqual(len({r[0] for r in written if r[1] == "user-001"}), 1)
        with self.assertRaisesRegex(TypeError, "field 0 of .* must be Types.PRIMITIVE_ARRAY"):
            env.from_collection([("a",)], type_info=Types.ROW([Types.STRING()])).sink_to(
                KafkaSink.builder().set_bootstrap_servers(self.broker.bootstrap).set_record_serializer(
                    KafkaRecordSerializationSchema.builder().set_topic("t")
                    .set_value_serialization_schema(RowFieldExtractorSchema(0)).build()).build())

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
