package io.sluice.format.parquet;

import io.sluice.runtime.connector.TableContext;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.LogicalTypeAnnotation;

/** The resolved, validated {@code parquet.*} options of one table. Immutable. */
final class ParquetFormatConfig {
    /** Codecs whose implementation is on the class path (snappy-java, zstd-jni, aircompressor, the JDK's zlib). */
    private static final Set<CompressionCodecName> CODECS = Set.of(CompressionCodecName.UNCOMPRESSED,
            CompressionCodecName.SNAPPY, CompressionCodecName.GZIP, CompressionCodecName.ZSTD,
            CompressionCodecName.LZ4_RAW);

    private final boolean utcTimezone;
    private final ZoneId zone;
    private final boolean int64Timestamps;
    private final LogicalTypeAnnotation.TimeUnit timeUnit;
    private final CompressionCodecName codec;
    private final long blockSize;
    private final int pageSize;
    private final int dictionaryPageSize;
    private final boolean dictionary;
    private final ParquetProperties.WriterVersion writerVersion;

    ParquetFormatConfig(boolean utcTimezone, ZoneId zone, boolean int64Timestamps,
            LogicalTypeAnnotation.TimeUnit timeUnit, CompressionCodecName codec, long blockSize, int pageSize,
            int dictionaryPageSize, boolean dictionary, ParquetProperties.WriterVersion writerVersion) {
        this.utcTimezone = utcTimezone;
        this.zone = zone;
        this.int64Timestamps = int64Timestamps;
        this.timeUnit = timeUnit;
        this.codec = codec;
        this.blockSize = blockSize;
        this.pageSize = pageSize;
        this.dictionaryPageSize = dictionaryPageSize;
        this.dictionary = dictionary;
        this.writerVersion = writerVersion;
    }

    /** Reads and validates the {@code parquet.*} options of a table; the time zone is the JVM's. */
    static ParquetFormatConfig from(TableContext context) {
        String prefix = ParquetFormatFactory.IDENTIFIER + ".";
        String table = context.tableName();
        String unit = context.get(ParquetOptions.TIMESTAMP_TIME_UNIT, prefix).trim().toLowerCase(Locale.ROOT);
        LogicalTypeAnnotation.TimeUnit timeUnit;
        switch (unit) {
            case "millis":
                timeUnit = LogicalTypeAnnotation.TimeUnit.MILLIS;
                break;
            case "micros":
                timeUnit = LogicalTypeAnnotation.TimeUnit.MICROS;
                break;
            case "nanos":
                timeUnit = LogicalTypeAnnotation.TimeUnit.NANOS;
                break;
            default:
                throw new ValidationException("Invalid value for option '" + prefix
                        + ParquetOptions.TIMESTAMP_TIME_UNIT.key() + "' of table " + table + ": '" + unit
                        + "' (expected millis, micros or nanos).");
        }
        String codecName = context.get(ParquetOptions.COMPRESSION, prefix).trim().toUpperCase(Locale.ROOT);
        CompressionCodecName codec;
        try {
            codec = CompressionCodecName.valueOf(codecName);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Invalid value for option '" + prefix + ParquetOptions.COMPRESSION.key()
                    + "' of table " + table + ": '" + codecName.toLowerCase(Locale.ROOT)
                    + "' (expected uncompressed, snappy, gzip, zstd or lz4_raw).");
        }
        if (!CODECS.contains(codec)) {
            throw new UnsupportedFeatureException("parquet compression codec '" + codecName.toLowerCase(Locale.ROOT)
                    + "' (table " + table + "); use uncompressed, snappy, gzip, zstd or lz4_raw");
        }
        String version = context.get(ParquetOptions.WRITER_VERSION, prefix).trim().toLowerCase(Locale.ROOT);
        ParquetProperties.WriterVersion writerVersion;
        if (version.equals("v1") || version.equals("parquet_1_0")) {
            writerVersion = ParquetProperties.WriterVersion.PARQUET_1_0;
        } else if (version.equals("v2") || version.equals("parquet_2_0")) {
            writerVersion = ParquetProperties.WriterVersion.PARQUET_2_0;
        } else {
            throw new ValidationException("Invalid value for option '" + prefix + ParquetOptions.WRITER_VERSION.key()
                    + "' of table " + table + ": '" + version + "' (expected v1 or v2).");
        }
        long blockSize = context.get(ParquetOptions.BLOCK_SIZE, prefix);
        int pageSize = context.get(ParquetOptions.PAGE_SIZE, prefix);
        int dictionaryPageSize = context.get(ParquetOptions.DICTIONARY_PAGE_SIZE, prefix);
        positive(prefix + ParquetOptions.BLOCK_SIZE.key(), table, blockSize);
        positive(prefix + ParquetOptions.PAGE_SIZE.key(), table, pageSize);
        positive(prefix + ParquetOptions.DICTIONARY_PAGE_SIZE.key(), table, dictionaryPageSize);
        return new ParquetFormatConfig(context.get(ParquetOptions.UTC_TIMEZONE, prefix), ZoneId.systemDefault(),
                context.get(ParquetOptions.WRITE_INT64_TIMESTAMP, prefix), timeUnit, codec, blockSize, pageSize,
                dictionaryPageSize, context.get(ParquetOptions.ENABLE_DICTIONARY, prefix), writerVersion);
    }

    private static void positive(String key, String table, long value) {
        if (value <= 0) {
            throw new ValidationException("Option '" + key + "' of table " + table + " must be positive, but was "
                    + value + ".");
        }
    }

    /** A copy converting local timestamps with {@code zone} (tests). */
    ParquetFormatConfig withZone(ZoneId zone) {
        return new ParquetFormatConfig(utcTimezone, zone, int64Timestamps, timeUnit, codec, blockSize, pageSize,
                dictionaryPageSize, dictionary, writerVersion);
    }

    boolean utcTimezone() {
        return utcTimezone;
    }

    /** The zone TIMESTAMP values are converted with when {@link #utcTimezone()} is false. */
    ZoneId zone() {
        return zone;
    }

    boolean int64Timestamps() {
        return int64Timestamps;
    }

    LogicalTypeAnnotation.TimeUnit timeUnit() {
        return timeUnit;
    }

    CompressionCodecName codec() {
        return codec;
    }

    long blockSize() {
        return blockSize;
    }

    int pageSize() {
        return pageSize;
    }

    int dictionaryPageSize() {
        return dictionaryPageSize;
    }

    boolean dictionary() {
        return dictionary;
    }

    ParquetProperties.WriterVersion writerVersion() {
        return writerVersion;
    }
}
