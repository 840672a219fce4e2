package io.sluice.runtime.operator.late;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.List;

/**
 * The shape of late rows: what an operator emits on its {@link #SIDE_OUTPUT late-rows side output}, and the
 * columns a late-rows table has ({@link #TABLE_TYPE}):
 * <ul>
 *   <li>{@code operator STRING}: the operator that found the row late, as EXPLAIN prints it;</li>
 *   <li>{@code operator_watermark TIMESTAMP_LTZ(3)}: that operator's watermark when the row arrived (NULL before
 *       its first watermark);</li>
 *   <li>{@code row_time TIMESTAMP_LTZ(3)}: the time the operator compared with the watermark: the row's time
 *       attribute, or for a window assigned by a window table function its {@code window_end} minus 1 ms (NULL
 *       when the row has no time);</li>
 *   <li>{@code arrived_at TIMESTAMP_LTZ(3)}: the wall-clock time the operator saw the row;</li>
 *   <li>{@code late_row STRING}: the row as the operator saw it, a JSON object with its column names as keys.</li>
 * </ul>
 */
public final class LateRows {
    /** The tag of the side output late rows are emitted on. */
    public static final String SIDE_OUTPUT = "late-rows";

    /** Names of the late-rows table's columns, in order. */
    public static final List<String> COLUMNS =
            List.of("operator", "operator_watermark", "row_time", "arrived_at", "late_row");

    /** The columns of a late-rows table. */
    public static final RowType TABLE_TYPE = new RowType(COLUMNS, List.of(LogicalType.string(),
            LogicalType.timestampLtz(3), LogicalType.timestampLtz(3), LogicalType.timestampLtz(3),
            LogicalType.string()));

    /** What an operator emits on its side output: the table's columns without {@code operator}. */
    public static final RowType SIDE_OUTPUT_TYPE = new RowType(COLUMNS.subList(1, COLUMNS.size()),
            TABLE_TYPE.types().subList(1, COLUMNS.size()));

    /** The columns as DDL, for error messages and documentation. */
    public static final String DDL = "operator STRING, operator_watermark TIMESTAMP_LTZ(3), "
            + "row_time TIMESTAMP_LTZ(3), arrived_at TIMESTAMP_LTZ(3), late_row STRING";

    /** A time that is NULL in a late row. */
    public static final long NO_TIME = Long.MIN_VALUE;

    private LateRows() {
    }
}
