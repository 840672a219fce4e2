"""DataStream connectors: ``FileSource`` (text lines), ``NumberSequenceSource``, ``DataGeneratorSource``, the
row-format ``FileSink``, Kafka (``sluice.datastream.connectors.kafka``), and Java sources and sinks by class name
(``Source("...")``, ``Sink("...")``)."""

from sluice.datastream.connectors.base import DeliveryGuarantee, Sink, Source
from sluice.datastream.connectors.datagen import DataGeneratorSource, GeneratorFunction, RateLimiterStrategy
from sluice.datastream.connectors.file_system import (BucketAssigner, FileSink, FileSource, FileSourceBuilder,
                                                      OutputFileConfig, RollingPolicy, StreamFormat)
from sluice.datastream.connectors.number_seq import NumberSequenceSource

__all__ = ['Source', 'Sink', 'DeliveryGuarantee', 'FileSource', 'FileSourceBuilder', 'StreamFormat', 'FileSink',
           'OutputFileConfig', 'RollingPolicy', 'BucketAssigner', 'NumberSequenceSource', 'DataGeneratorSource',
           'GeneratorFunction', 'RateLimiterStrategy']
