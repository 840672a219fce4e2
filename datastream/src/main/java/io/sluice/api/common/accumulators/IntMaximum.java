package io.sluice.api.common.accumulators;

/** The largest {@code int} value added ({@code Integer.MIN_VALUE} when none was). */
public class IntMaximum implements SimpleAccumulator<Integer> {
    private static final long serialVersionUID = 1L;
    private int localValue = Integer.MIN_VALUE;

    public IntMaximum() {
    }

    public IntMaximum(int value) {
        this.localValue = value;
    }

    @Override
    public void add(Integer value) {
        add((int) value);
    }

    public void add(int value) {
        localValue = Math.max(localValue, value);
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
        localValue = Integer.MIN_VALUE;
    }

    @Override
    public IntMaximum clone() {
        return new IntMaximum(localValue);
    }

    @Override
    public String toString() {
        return "IntMaximum " + localValue;
    }
}
