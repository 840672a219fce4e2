package io.sluice.connector.datagen;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import java.time.Duration;

/**
 * Options of the {@code datagen} connector, with Flink's keys. Column options are written
 * {@code fields.<column>.<suffix>}; {@link #field} builds the key of one column.
 */
public final class DataGenOptions {
    private DataGenOptions() {
    }

    public static final ConfigOption<Long> ROWS_PER_SECOND = ConfigOptions.key("rows-per-second")
            .longType().defaultValue(10000L)
            .withDescription("Rows per second emitted by the whole source (shared by its parallel readers).");

    public static final ConfigOption<Long> NUMBER_OF_ROWS = ConfigOptions.key("number-of-rows")
            .longType().noDefaultValue()
            .withDescription("Total number of rows to emit; the table is unbounded when not set.");

    public static final ConfigOption<Integer> SCAN_PARALLELISM = ConfigOptions.key("scan.parallelism")
            .intType().noDefaultValue()
            .withDescription("Number of parallel readers of the table; the job's parallelism when not set.");

    /** Prefix of every column option. */
    public static final String FIELDS = "fields";
    public static final String KIND = "kind";
    public static final String MIN = "min";
    public static final String MAX = "max";
    public static final String MAX_PAST = "max-past";
    public static final String LENGTH = "length";
    public static final String VAR_LEN = "var-len";
    public static final String NULL_RATE = "null-rate";
    public static final String START = "start";
    public static final String END = "end";

    /** Length of random strings and byte strings whose type has no length of its own (STRING, BYTES). */
    public static final int DEFAULT_LENGTH = 100;

    /** The key {@code fields.<column>.<suffix>}. */
    public static String key(String column, String suffix) {
        return FIELDS + "." + column + "." + suffix;
    }

    /** Builder of a column option, for typed parsing of its value. */
    public static ConfigOptions.OptionBuilder field(String column, String suffix) {
        return ConfigOptions.key(key(column, suffix));
    }

    /** {@code fields.<column>.kind}. */
    public static ConfigOption<GeneratorKind> kind(String column) {
        return field(column, KIND).enumType(GeneratorKind.class).defaultValue(GeneratorKind.RANDOM)
                .withDescription("Generator of the column: 'random' or 'sequence'.");
    }

    /** {@code fields.<column>.max-past}. */
    public static ConfigOption<Duration> maxPast(String column) {
        return field(column, MAX_PAST).durationType().defaultValue(Duration.ZERO)
                .withDescription("Random timestamps lie between now minus this duration and now.");
    }
}
