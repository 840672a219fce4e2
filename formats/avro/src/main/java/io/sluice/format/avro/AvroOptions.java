package io.sluice.format.avro;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;

/** Options of the {@code avro} format, with Flink's keys (written {@code 'avro.<key>'} in {@code WITH}). */
public final class AvroOptions {
    private AvroOptions() {
    }

    public static final ConfigOption<String> ENCODING = ConfigOptions.key("encoding").stringType().defaultValue("binary")
            .withDescription("The encoding of single messages (Kafka): 'binary' or 'json'. Files are Avro container"
                    + " files whatever this option says.");

    public static final ConfigOption<String> CODEC = ConfigOptions.key("codec").stringType().noDefaultValue()
            .withDescription("The compression of written Avro container files: null, deflate, snappy, bzip2, xz or"
                    + " zstandard (default: none).");

    public static final ConfigOption<Boolean> TIMESTAMP_MAPPING_LEGACY = ConfigOptions.key("timestamp_mapping.legacy")
            .booleanType().defaultValue(true)
            .withDescription("true: TIMESTAMP and TIMESTAMP_LTZ are Avro timestamp-millis/micros; false: TIMESTAMP is"
                    + " local-timestamp-millis/micros and TIMESTAMP_LTZ timestamp-millis/micros.");
}
