"""DataStream connectors: ``FileSource`` (text lines), ``NumberSequenceSource``, ``DataGeneratorSource`` and the
row-format ``FileSink``."""

from sluice.datastream.connectors.base import Source
from sluice.datastream.connectors.datagen import DataGeneratorSource, GeneratorFunction, RateLimiterStrategy
from sluice.datastream.connectors.file_system import (BucketAssigner, FileSink, FileSource, FileSourceBuilder,
                                                      OutputFileConfig, RollingPolicy, StreamFormat)
from sluice.datastream.connectors.number_seq import NumberSequenceSource

__all__ = ['Source', 'FileSource', 'FileSourceBuilder', 'StreamFormat', 'FileSink', 'OutputFileConfig',
           'RollingPolicy', 'BucketAssigner', 'NumberSequenceSource', 'DataGeneratorSource', 'GeneratorFunction',
           'RateLimiterStrategy']
