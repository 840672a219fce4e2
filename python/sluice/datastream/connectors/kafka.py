"""The Kafka source and sink of the Python DataStream API (PyFlink's ``pyflink.datastream.connectors.kafka``):
``KafkaSource.builder()`` and ``KafkaSink.builder()`` with ``KafkaOffsetsInitializer``, ``KafkaTopicPartition`` and
``KafkaRecordSerializationSchema``. The engine's DataStream Kafka connector runs them: offsets are checkpointed
with the job, and ``DeliveryGuarantee.EXACTLY_ONCE`` writes in transactions committed with the checkpoints.
Records are (de)serialized by ``SimpleStringSchema`` or the JSON row schemas of
``sluice.datastream.formats.json``."""

from enum import Enum

from sluice.datastream.connectors.base import DeliveryGuarantee, Sink, Source

__all__ = ['KafkaSource', 'KafkaSourceBuilder', 'KafkaSink', 'KafkaSinkBuilder', 'KafkaTopicPartition',
           'KafkaOffsetsInitializer', 'KafkaOffsetResetStrategy', 'KafkaRecordSerializationSchema',
           'KafkaRecordSerializationSchemaBuilder', 'KafkaTopicSelector', 'FlinkKafkaConsumer', 'FlinkKafkaProducer',
           'Semantic', 'DeliveryGuarantee']


class KafkaTopicPartition(object):
    def __init__(self, topic, partition):
        self._topic = topic
        self._partition = int(partition)

    def __eq__(self, other):
        return isinstance(other, KafkaTopicPartition) and (self._topic, self._partition) == (other._topic,
                                                                                              other._partition)

    def __hash__(self):
        return hash((self._topic, self._partition))

    def __repr__(self):
        return "KafkaTopicPartition(%r, %d)" % (self._topic, self._partition)


class KafkaOffsetResetStrategy(Enum):
    LATEST = 0
    EARLIEST = 1
    NONE = 2


class KafkaOffsetsInitializer(object):
    """Where a KafkaSource starts (``set_starting_offsets``) or stops (``set_bounded``/``set_unbounded``) in each
    partition."""

    def __init__(self, spec):
        self._spec = spec

    @staticmethod
    def committed_offsets(offset_reset_strategy=KafkaOffsetResetStrategy.NONE):
        return KafkaOffsetsInitializer({"kind": "committed", "reset": offset_reset_strategy.name})

    @staticmethod
    def timestamp(timestamp):
        return KafkaOffsetsInitializer({"kind": "timestamp", "timestamp": int(timestamp)})

    @staticmethod
    def earliest():
        return KafkaOffsetsInitializer({"kind": "earliest"})

    @staticmethod
    def latest():
        return KafkaOffsetsInitializer({"kind": "latest"})

    @staticmethod
    def offsets(offsets, offset_reset_strategy=KafkaOffsetResetStrategy.EARLIEST):
        return KafkaOffsetsInitializer({"kind": "offsets", "reset": offset_reset_strategy.name,
                                        "offsets": [[tp._topic, tp._partition, int(o)] for tp, o in offsets.items()]})


def _bootstrap_from_properties(spec):
    """Takes the bootstrap servers from the ``bootstrap.servers`` property when the builder was not given them."""
    if "bootstrap_servers" not in spec:
        servers = spec["properties"].pop("bootstrap.servers", None)
        if servers is None:
            raise ValueError("No bootstrap servers are set (set_bootstrap_servers or the property "
                             "'bootstrap.servers')")
        spec["bootstrap_servers"] = servers
    else:
        spec["properties"].pop("bootstrap.servers", None)


def _initializer(value, what):
    if not isinstance(value, KafkaOffsetsInitializer):
        raise TypeError("%s takes a KafkaOffsetsInitializer, not %r" % (what, value))
    return value._spec


class KafkaSource(Source):
    """Reads Kafka topics; build it with ``KafkaSource.builder()``."""

    def __init__(self, spec, deserializer):
        self._spec = spec
        self._deserializer = deserializer

    @staticmethod
    def builder():
        return KafkaSourceBuilder()

    def _node(self):
        return dict(self._spec)

    def _produced_type(self):
        return self._deserializer._produced_type()


class KafkaSourceBuilder(object):
    def __init__(self):
        self._spec = {"kind": "kafka_source", "properties": {}}
        self._deserializer = None

    def build(self):
        _bootstrap_from_properties(self._spec)
        if not any(k in self._spec for k in ("topics", "topic_pattern", "partitions")):
            raise ValueError("No subscribe mode is specified, should be one of topics, topic pattern and partition "
                             "set.")
        if self._deserializer is None:
            raise ValueError("No deserialization schema is set (set_value_only_deserializer)")
        return KafkaSource(dict(self._spec), self._deserializer)

    def set_bootstrap_servers(self, bootstrap_servers):
        self._spec["bootstrap_servers"] = bootstrap_servers
        return self

    def set_group_id(self, group_id):
        self._spec["group_id"] = group_id
        return self

    def _subscribe(self, key, value):
        others = [k for k in ("topics", "topic_pattern", "partitions") if k != key and k in self._spec]
        if others:
            raise ValueError("Cannot use %s for consumption because a %s is already set for consumption."
                             % (key.replace("_", " "), others[0].replace("_", " ")))
        self._spec[key] = value
        return self

    def set_topics(self, *topics):
        if len(topics) == 1 and isinstance(topics[0], (list, tuple)):
            topics = topics[0]
        return self._subscribe("topics", [str(t) for t in topics])

    def set_topic_pattern(self, topic_pattern):
        return self._subscribe("topic_pattern", topic_pattern)

    def set_partitions(self, partitions):
        return self._subscribe("partitions", [[tp._topic, tp._partition] for tp in partitions])

    def set_starting_offsets(self, starting_offsets_initializer):
        self._spec["starting_offsets"] = _initializer(starting_offsets_initializer, "set_starting_offsets")
        return self

    def set_unbounded(self, stopping_offsets_initializer):
        self._spec["stopping_offsets"] = _initializer(stopping_offsets_initializer, "set_unbounded")
        self._spec["bounded"] = False
        return self

    def set_bounded(self, stopping_offsets_initializer):
        self._spec["stopping_offsets"] = _initializer(stopping_offsets_initializer, "set_bounded")
        self._spec["bounded"] = True
        return self

    def set_value_only_deserializer(self, deserialization_schema):
        self._spec["value_format"] = deserialization_schema._spec()
        self._deserializer = deserialization_schema
        return self

    def set_client_id_prefix(self, prefix):
        self._spec["client_id_prefix"] = prefix
        return self

    def set_property(self, key, value):
        self._spec["properties"][str(key)] = str(value)
        return self

    def set_properties(self, props):
        for k, v in props.items():
            self.set_property(k, v)
        return self


class KafkaTopicSelector(object):
    """Chooses the topic of each record (``apply``); ``set_topic_selector`` also takes a function."""

    def apply(self, data):
        raise NotImplementedError


class KafkaRecordSerializationSchema(object):
    """How a record becomes a Kafka record: its topic, value and optional key."""

    def __init__(self, topic, topic_selector, key_schema, value_schema):
        self._topic = topic
        self._topic_selector = topic_selector
        self._key_schema = key_schema
        self._value_schema = value_schema

    @staticmethod
    def builder():
        return KafkaRecordSerializationSchemaBuilder()


class KafkaRecordSerializationSchemaBuilder(object):
    def __init__(self):
        self._topic = None
        self._topic_selector = None
        self._key_schema = None
        self._value_schema = None

    def set_topic(self, topic):
        if self._topic_selector is not None or self._topic is not None:
            raise ValueError("Topic selector already set.")
        self._topic = topic
        return self

    def set_topic_selector(self, topic_selector):
        if self._topic_selector is not None or self._topic is not None:
            raise ValueError("Topic selector already set.")
        if isinstance(topic_selector, KafkaTopicSelector):
            self._topic_selector = topic_selector.apply
        elif callable(topic_selector):
            self._topic_selector = topic_selector
        else:
            raise TypeError("The topic selector must be a KafkaTopicSelector or a function")
        return self

    def set_key_serialization_schema(self, key_serialization_schema):
        self._key_schema = key_serialization_schema
        return self

    def set_value_serialization_schema(self, value_serialization_schema):
        self._value_schema = value_serialization_schema
        return self

    def build(self):
        if self._topic is None and self._topic_selector is None:
            raise ValueError("No topic set (set_topic or set_topic_selector)")
        if self._value_schema is None:
            raise ValueError("No value serialization schema set (set_value_serialization_schema)")
        return KafkaRecordSerializationSchema(self._topic, self._topic_selector, self._key_schema,
                                              self._value_schema)


class KafkaSink(Sink):
    """Writes a stream into Kafka; build it with ``KafkaSink.builder()``."""

    def __init__(self, spec, record_serializer):
        self._spec_json = spec
        self._serializer = record_serializer

    @staticmethod
    def builder():
        return KafkaSinkBuilder()

    def _spec(self):
        return dict(self._spec_json)

    def _prepare(self, stream):
        """The stream the engine's sink reads: with a topic selector, rows (topic, record) a Python map makes."""
        from sluice.common.typeinfo import PickledBytesTypeInfo, Types
        s = self._serializer
        record_type = stream._type
        for schema in (s._value_schema, s._key_schema):
            if schema is None:
                continue
            if hasattr(schema, "_check"):
                schema._check(record_type)
                continue
            expected = schema._input_type()
            if expected is not None and (record_type is None or isinstance(record_type, PickledBytesTypeInfo)
                                         or repr(record_type) != repr(expected)):
                raise TypeError("The KafkaSink's %s writes records of type %r, but the stream's type is %r (give "
                                "the function before the sink that output_type)"
                                % (type(schema).__name__, expected, stream.get_type()))
        if s._topic_selector is None:
            return stream
        from sluice.common.types import Row
        selector = s._topic_selector
        return stream.map(lambda v: Row(str(selector(v)), v), Types.ROW([Types.STRING(), record_type]))


class KafkaSinkBuilder(object):
    def __init__(self):
        self._spec = {"kind": "kafka", "delivery_guarantee": "NONE", "properties": {}}
        self._serializer = None

    def build(self):
        _bootstrap_from_properties(self._spec)
        if self._serializer is None:
            raise ValueError("No record serializer is set (set_record_serializer)")
        return KafkaSink(dict(self._spec), self._serializer)

    def set_bootstrap_servers(self, bootstrap_servers):
        self._spec["bootstrap_servers"] = bootstrap_servers
        return self

    def set_delivery_guarantee(self, delivery_guarantee):
        if not isinstance(delivery_guarantee, DeliveryGuarantee):
            raise TypeError("set_delivery_guarantee takes a DeliveryGuarantee, not %r" % (delivery_guarantee,))
        self._spec["delivery_guarantee"] = delivery_guarantee.name
        return self

    def set_transactional_id_prefix(self, transactional_id_prefix):
        self._spec["transactional_id_prefix"] = transactional_id_prefix
        return self

    def set_record_serializer(self, record_serializer):
        if not isinstance(record_serializer, KafkaRecordSerializationSchema):
            raise TypeError("set_record_serializer takes a KafkaRecordSerializationSchema")
        self._serializer = record_serializer
        self._spec["value_format"] = record_serializer._value_schema._spec()
        if record_serializer._key_schema is not None:
            self._spec["key_format"] = record_serializer._key_schema._spec()
        if record_serializer._topic_selector is not None:
            self._spec["topic_field"] = True
            self._spec.pop("topic", None)
        else:
            self._spec["topic"] = record_serializer._topic
            self._spec.pop("topic_field", None)
        return self

    def set_property(self, key, value):
        self._spec["properties"][str(key)] = str(value)
        return self


class Semantic(Enum):
    EXACTLY_ONCE = 0
    AT_LEAST_ONCE = 1
    NONE = 2


class FlinkKafkaConsumer(object):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("not supported yet: FlinkKafkaConsumer (the legacy SourceFunction consumer; use "
                                  "KafkaSource.builder())")


class FlinkKafkaProducer(object):
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("not supported yet: FlinkKafkaProducer (the legacy SinkFunction producer; use "
                                  "KafkaSink.builder())")
