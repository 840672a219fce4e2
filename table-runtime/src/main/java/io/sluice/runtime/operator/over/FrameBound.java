package io.sluice.runtime.operator.over;

/**
 * One end of a window frame. {@code offset} is set for {@link BoundKind#PRECEDING} and
 * {@link BoundKind#FOLLOWING}: for ROWS frames a {@code Long} row count; for RANGE frames a
 * {@code Long}, {@code BigDecimal} or {@code Double} amount in the order key's unit (milliseconds for
 * timestamps, times and day-time intervals, days for DATE, months for year-month intervals).
 */
public final class FrameBound {
    private final BoundKind kind;
    private final Object offset;

    public FrameBound(BoundKind kind, Object offset) {
        boolean needsOffset = kind == BoundKind.PRECEDING || kind == BoundKind.FOLLOWING;
        if (needsOffset && !(offset instanceof Number)) {
            throw new IllegalArgumentException(kind + " needs a numeric offset, got " + offset);
        }
        if (needsOffset && ((Number) offset).doubleValue() < 0) {
            throw new IllegalArgumentException("frame offset must not be negative: " + offset);
        }
        this.kind = kind;
        this.offset = needsOffset ? offset : null;
    }

    public static FrameBound unboundedPreceding() {
        return new FrameBound(BoundKind.UNBOUNDED_PRECEDING, null);
    }

    public static FrameBound currentRow() {
        return new FrameBound(BoundKind.CURRENT_ROW, null);
    }

    public static FrameBound unboundedFollowing() {
        return new FrameBound(BoundKind.UNBOUNDED_FOLLOWING, null);
    }

    public static FrameBound preceding(Object offset) {
        return new FrameBound(BoundKind.PRECEDING, offset);
    }

    public static FrameBound following(Object offset) {
        return new FrameBound(BoundKind.FOLLOWING, offset);
    }

    public BoundKind kind() {
        return kind;
    }

    /** The offset for PRECEDING / FOLLOWING, else null. */
    public Object offset() {
        return offset;
    }

    @Override
    public String toString() {
        switch (kind) {
            case PRECEDING:
                return offset + " PRECEDING";
            case FOLLOWING:
                return offset + " FOLLOWING";
            default:
                return kind.name().replace('_', ' ');
        }
    }
}
