package io.sluice.runtime.operator.window;

/**
 * The windows of a window table function ({@code TUMBLE}, {@code HOP}, {@code CUMULATE}), in
 * milliseconds. Windows are aligned to the epoch plus {@code offset}, as in Flink.
 */
public final class WindowSpec {
    /** The window table functions. */
    public enum Kind {
        /** Fixed-size, non-overlapping windows of {@code size}. */
        TUMBLE,
        /** Windows of {@code size} starting every {@code slide}. */
        HOP,
        /** Windows starting every {@code size} and growing by {@code step} until they reach {@code size}. */
        CUMULATE
    }

    private final Kind kind;
    private final long size;
    private final long slide;
    private final long offset;

    private WindowSpec(Kind kind, long size, long slide, long offset) {
        if (size <= 0 || slide <= 0) {
            throw new IllegalArgumentException("window size and slide must be positive: " + size + ", " + slide);
        }
        this.kind = kind;
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    public static WindowSpec tumble(long size, long offset) {
        return new WindowSpec(Kind.TUMBLE, size, size, offset);
    }

    public static WindowSpec hop(long slide, long size, long offset) {
        return new WindowSpec(Kind.HOP, size, slide, offset);
    }

    /** {@code step} is the amount each window grows by; {@code size} the largest window. */
    public static WindowSpec cumulate(long step, long size, long offset) {
        if (size % step != 0) {
            throw new IllegalArgumentException("CUMULATE window size " + size + " must be a multiple of step " + step);
        }
        return new WindowSpec(Kind.CUMULATE, size, step, offset);
    }

    public Kind kind() {
        return kind;
    }

    public long size() {
        return size;
    }

    /** The slide of HOP, the step of CUMULATE, the size of TUMBLE. */
    public long slide() {
        return slide;
    }

    public long offset() {
        return offset;
    }

    /** The largest number of windows one timestamp belongs to. */
    public int maxWindowsPerRow() {
        switch (kind) {
            case HOP:
                return (int) ((size + slide - 1) / slide);
            case CUMULATE:
                return (int) (size / slide);
            default:
                return 1;
        }
    }

    /**
     * Writes the [start, end) of every window containing {@code ts} into {@code starts}/{@code ends}
     * (earliest start first) and returns how many there are.
     */
    public int assign(long ts, long[] starts, long[] ends) {
        switch (kind) {
            case TUMBLE: {
                long start = ts - Math.floorMod(ts - offset, size);
                starts[0] = start;
                ends[0] = start + size;
                return 1;
            }
            case HOP: {
                long lastStart = ts - Math.floorMod(ts - offset, slide);
                long first = lastStart;
                while (first - slide > ts - size) {
                    first -= slide;
                }
                int n = 0;
                for (long start = first; start <= lastStart; start += slide) {
                    starts[n] = start;
                    ends[n] = start + size;
                    n++;
                }
                return n;
            }
            default: {
                long start = ts - Math.floorMod(ts - offset, size);
                int n = 0;
                for (long end = start + slide; end <= start + size; end += slide) {
                    if (ts < end) {
                        starts[n] = start;
                        ends[n] = end;
                        n++;
                    }
                }
                return n;
            }
        }
    }

    @Override
    public String toString() {
        switch (kind) {
            case HOP:
                return "HOP(slide=[" + slide + " ms], size=[" + size + " ms]" + offsetText() + ")";
            case CUMULATE:
                return "CUMULATE(max_size=[" + size + " ms], step=[" + slide + " ms]" + offsetText() + ")";
            default:
                return "TUMBLE(size=[" + size + " ms]" + offsetText() + ")";
        }
    }

    private String offsetText() {
        return offset == 0 ? "" : ", offset=[" + offset + " ms]";
    }
}
