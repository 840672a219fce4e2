package io.sluice.api.common.accumulators;

/** The smallest {@code int} value added ({@code Integer.MAX_VALUE} when none was). */
public class IntMinimum implements SimpleAccumulator<Integer> {
    private static final long serialVersionUID = 1L;
    private int localValue = Integer.MAX_VALUE;

    public IntMinimum() {
    }

    public IntMinimum(int value) {
        this.localValue = value;
    }

    @Override
    public void add(Integer value) {
        add((int) value);
    }

    public void add(int value) {
        localValue = Math.min(localValue, value);
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
        localValue = Integer.MAX_VALUE;
    }

    @Override
    public IntMinimum clone() {
        return new IntMinimum(localValue);
    }

    @Override
    public String toString() {
        return "IntMinimum " + localValue;
    }
}
