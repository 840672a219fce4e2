package io.sluice.api.common.accumulators;

/** Sums {@code long} values. */
public class LongCounter implements SimpleAccumulator<Long> {
    private static final long serialVersionUID = 1L;
    private long localValue = 0L;

    public LongCounter() {
    }

    public LongCounter(long value) {
        this.localValue = value;
    }

    @Override
    public void add(Long value) {
        add((long) value);
    }

    public void add(long value) {
        localValue += value;
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
        localValue = 0L;
    }

    @Override
    public LongCounter clone() {
        return new LongCounter(localValue);
    }

    @Override
    public String toString() {
        return "LongCounter " + localValue;
    }
}
