package io.sluice.api.common.accumulators;

/** The smallest {@code long} value added ({@code Long.MAX_VALUE} when none was). */
public class LongMinimum implements SimpleAccumulator<Long> {
    private static final long serialVersionUID = 1L;
    private long localValue = Long.MAX_VALUE;

    public LongMinimum() {
    }

    public LongMinimum(long value) {
        this.localValue = value;
    }

    @Override
    public void add(Long value) {
        add((long) value);
    }

    public void add(long value) {
        localValue = Math.min(localValue, value);
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
        localValue = Long.MAX_VALUE;
    }

    @Override
    public LongMinimum clone() {
        return new LongMinimum(localValue);
    }

    @Override
    public String toString() {
        return "LongMinimum " + localValue;
    }
}
