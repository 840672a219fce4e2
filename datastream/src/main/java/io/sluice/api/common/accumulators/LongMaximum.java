package io.sluice.api.common.accumulators;

/** The largest {@code long} value added ({@code Long.MIN_VALUE} when none was). */
public class LongMaximum implements SimpleAccumulator<Long> {
    private static final long serialVersionUID = 1L;
    private long localValue = Long.MIN_VALUE;

    public LongMaximum() {
    }

    public LongMaximum(long value) {
        this.localValue = value;
    }

    @Override
    public void add(Long value) {
        add((long) value);
    }

    public void add(long value) {
        localValue = Math.max(localValue, value);
    }

    @Override
    public Long getLocalValue() {
        return localValue;
    }

    public long getLocalValuePrimitive() {
        return localValue;
    }

    @Override
    public void merge(Accumulator<Long, Long> other) {
        add(other.getLocalValue());
    }

    @Override
    public void resetLocal() {
        localValue = Long.MIN_VALUE;
    }

    @Override
    public LongMaximum clone() {
        return new LongMaximum(localValue);
    }

    @Override
    public String toString() {
        return "LongMaximum " + localValue;
    }
}
