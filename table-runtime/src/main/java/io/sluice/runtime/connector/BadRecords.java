package io.sluice.runtime.connector;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.List;

/**
 * Bad records to a table (a Sluice addition): the table option that names the table, the side output on which a
 * source hands the records its format cannot decode, and the columns of a bad-records table ({@link #TABLE_TYPE}):
 * <ul>
 *   <li>{@code table_name STRING}: the source table (fully qualified) the record was read for;</li>
 *   <li>{@code source STRING}: the file path, or the Kafka topic;</li>
 *   <li>{@code source_partition INT}: the Kafka partition (NULL for files);</li>
 *   <li>{@code source_offset BIGINT}: the line of the file where the record starts (1-based), or the Kafka
 *       offset;</li>
 *   <li>{@code error STRING}: why the record could not be decoded, as the error without the option would say;</li>
 *   <li>{@code raw_text STRING}: the record's bytes read as UTF-8 (malformed sequences replaced);</li>
 *   <li>{@code raw_bytes BYTES}: the record's bytes as read;</li>
 *   <li>{@code found_at TIMESTAMP_LTZ(3)}: the wall-clock time the source found the record.</li>
 * </ul>
 */
public final class BadRecords {
    /** The table option, set on a source table, naming the table its bad records go to. */
    public static final ConfigOption<String> TABLE_OPTION = ConfigOptions.key("sluice.bad-records.table")
            .stringType().noDefaultValue()
            .withDescription("A Sluice addition: the table ([catalog.][database.]name) that receives the records "
                    + "this table's format cannot decode, instead of failing the job or skipping them.");

    /** The tag of the side output a source emits its bad records on. */
    public static final String SIDE_OUTPUT = "bad-records";

    /** Names of the bad-records table's columns, in order. */
    public static final List<String> COLUMNS = List.of("table_name", "source", "source_partition", "source_offset",
            "error", "raw_text", "raw_bytes", "found_at");

    /** The columns of a bad-records table. */
    public static final RowType TABLE_TYPE = new RowType(COLUMNS, List.of(LogicalType.string(),
            LogicalType.string(), LogicalType.integer(), LogicalType.bigint(), LogicalType.string(),
            LogicalType.string(), LogicalType.bytes(), LogicalType.timestampLtz(3)));

    /** What a source emits on its side output: the table's columns without {@code table_name}. */
    public static final RowType SIDE_OUTPUT_TYPE = new RowType(COLUMNS.subList(1, COLUMNS.size()),
            TABLE_TYPE.types().subList(1, COLUMNS.size()));

    /** The columns as DDL, for error messages and documentation. */
    public static final String DDL = "table_name STRING, source STRING, source_partition INT, source_offset BIGINT, "
            + "error STRING, raw_text STRING, raw_bytes BYTES, found_at TIMESTAMP_LTZ(3)";

    private BadRecords() {
    }

    /**
     * {@code options} without {@link #TABLE_OPTION}: what connector factories are given, since the option belongs to
     * the engine (a factory that checks every key itself would otherwise refuse it).
     */
    public static java.util.Map<String, String> withoutTableOption(java.util.Map<String, String> options) {
        if (!options.containsKey(TABLE_OPTION.key())) {
            return options;
        }
        java.util.Map<String, String> copy = new java.util.LinkedHashMap<>(options);
        copy.remove(TABLE_OPTION.key());
        return copy;
    }
}
