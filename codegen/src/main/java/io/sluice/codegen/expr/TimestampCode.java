package io.sluice.codegen.expr;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TimestampUnits;

/**
 * Java source fragments for TIMESTAMP(p) and TIMESTAMP_LTZ(p) values, which generated code holds as a {@code long}
 * counted in the unit of their precision (milli-, micro- or nanoseconds, see {@link TimestampUnits}). Date-time
 * kernels that work on milliseconds get {@link #millis} of a value; results go back with {@link #fromMillis}.
 * Every method returns its input unchanged for millisecond types, so plans over TIMESTAMP(3) generate the same code
 * as before precision was tracked.
 */
public final class TimestampCode {
    private static final String TU = TimestampUnits.class.getName();
    private static final String DT = "io.sluice.codegen.runtime.DateTimeRuntime";

    private TimestampCode() {
    }

    /** Units of {@code t} per millisecond. */
    public static long perMilli(LogicalType t) {
        return TimestampUnits.perMilli(t.precision());
    }

    /** The whole milliseconds of timestamp {@code v} of type {@code t}. */
    public static String millis(String v, LogicalType t) {
        long per = perMilli(t);
        return per == 1 ? v : "Math.floorDiv(" + v + ", " + per + "L)";
    }

    /** Milliseconds {@code ms} as a value of timestamp type {@code t}. */
    public static String fromMillis(String ms, LogicalType t) {
        long per = perMilli(t);
        return per == 1 ? ms : "Math.multiplyExact(" + ms + ", " + per + "L)";
    }

    /** Timestamp {@code v} of type {@code from} as a value of timestamp type {@code to} (truncating digits). */
    public static String rescale(String v, LogicalType from, LogicalType to) {
        long pf = perMilli(from);
        long pt = perMilli(to);
        if (pf == pt && to.precision() >= from.precision()) {
            return v;
        }
        return TU + ".rescale(" + v + ", " + from.precision() + ", " + to.precision() + ")";
    }

    /**
     * Timestamp {@code v} of type {@code from} in the unit of type {@code common} without truncation (for
     * comparisons and differences between timestamps of different precisions).
     */
    public static String widen(String v, LogicalType from, LogicalType common) {
        long pf = perMilli(from);
        long pc = perMilli(common);
        return pf == pc ? v : "(" + v + ") * " + (pc / pf) + "L";
    }

    /** The finer of two timestamp types' units: the type of the two whose unit is smaller. */
    public static LogicalType finer(LogicalType a, LogicalType b) {
        return perMilli(b) > perMilli(a) ? b : a;
    }

    /** TIMESTAMP_LTZ {@code v} of type {@code t} as the wall-clock TIMESTAMP in zone {@code zone}, same unit. */
    public static String ltzToTimestamp(String v, LogicalType t, String zone) {
        long per = perMilli(t);
        return DT + ".ltzToTimestamp(" + v + ", " + zone + (per == 1 ? ")" : ", " + per + "L)");
    }

    /** Wall-clock TIMESTAMP {@code v} of type {@code t} in zone {@code zone} as the instant, same unit. */
    public static String timestampToLtz(String v, LogicalType t, String zone) {
        long per = perMilli(t);
        return DT + ".timestampToLtz(" + v + ", " + zone + (per == 1 ? ")" : ", " + per + "L)");
    }
}
