package io.sluice.format.parquet;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;

/**
 * Options of the {@code parquet} format, with Flink's keys (written {@code 'parquet.<key>'} in {@code WITH}). The
 * writer options carry the names of parquet-hadoop's own configuration keys, as Flink forwards them.
 */
public final class ParquetOptions {
    private ParquetOptions() {
    }

    public static final ConfigOption<Boolean> UTC_TIMEZONE = ConfigOptions.key("utc-timezone").booleanType()
            .defaultValue(false)
            .withDescription("Whether TIMESTAMP values are stored as UTC wall-clock time (true) or converted from the"
                    + " JVM's time zone to an instant (false, Flink's default, as Hive 1.x/2.x do).");

    public static final ConfigOption<String> TIMESTAMP_TIME_UNIT = ConfigOptions.key("timestamp.time.unit")
            .stringType().defaultValue("micros")
            .withDescription("The unit of INT64 timestamps written with 'write.int64.timestamp': 'millis', 'micros'"
                    + " or 'nanos'.");

    public static final ConfigOption<Boolean> WRITE_INT64_TIMESTAMP = ConfigOptions.key("write.int64.timestamp")
            .booleanType().defaultValue(false)
            .withDescription("Writes timestamps as INT64 with a TIMESTAMP annotation instead of the legacy INT96.");

    public static final ConfigOption<String> COMPRESSION = ConfigOptions.key("compression").stringType()
            .defaultValue("snappy")
            .withDescription("The compression codec of written files: uncompressed, snappy, gzip, zstd or lz4_raw.");

    public static final ConfigOption<Long> BLOCK_SIZE = ConfigOptions.key("block.size").longType()
            .defaultValue(128L * 1024 * 1024)
            .withDescription("The row group size in bytes (buffered in memory before it is written).");

    public static final ConfigOption<Integer> PAGE_SIZE = ConfigOptions.key("page.size").intType()
            .defaultValue(1024 * 1024)
            .withDescription("The page size in bytes.");

    public static final ConfigOption<Integer> DICTIONARY_PAGE_SIZE = ConfigOptions.key("dictionary.page.size")
            .intType().defaultValue(1024 * 1024)
            .withDescription("The largest dictionary page in bytes; a column falls back to plain encoding past it.");

    public static final ConfigOption<Boolean> ENABLE_DICTIONARY = ConfigOptions.key("enable.dictionary")
            .booleanType().defaultValue(true)
            .withDescription("Whether dictionary encoding is used.");

    public static final ConfigOption<String> WRITER_VERSION = ConfigOptions.key("writer.version").stringType()
            .defaultValue("v1")
            .withDescription("The data page format: 'v1' (PARQUET_1_0) or 'v2' (PARQUET_2_0).");
}
