package io.sluice.api.common.accumulators;

/** Sums {@code int} values. */
public class IntCounter implements SimpleAccumulator<Integer> {
    private static final long serialVersionUID = 1L;
    private int localValue = 0;

    public IntCounter() {
    }

    public IntCounter(int value) {
        this.localValue = value;
    }

    @Override
    public void add(Integer value) {
        add((int) value);
    }

    public void add(int value) {
        localValue += value;
    }

    @Override
    public Integer getLocalValue() {
        return localValue;
    }

    public int getLocalValuePrimitive() {
        return localValue;
    }

    @Override
    public void merge(Accumulator<Integer, Integer> other) {
        add(other.getLocalValue());
    }

    @Override
    public void resetLocal() {
        localValue = 0;
    }

    @Override
    public IntCounter clone() {
        return new IntCounter(localValue);
    }

    @Override
    public String toString() {
        return "IntCounter " + localValue;
    }
}
