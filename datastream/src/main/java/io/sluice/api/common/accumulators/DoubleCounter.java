package io.sluice.api.common.accumulators;

/** Sums {@code double} values. */
public class DoubleCounter implements SimpleAccumulator<Double> {
    private static final long serialVersionUID = 1L;
    private double localValue = 0.0;

    public DoubleCounter() {
    }

    public DoubleCounter(double value) {
        this.localValue = value;
    }

    @Override
    public void add(Double value) {
        add((double) value);
    }

    public void add(double value) {
        localValue += value;
    }

    @Override
    public Double getLocalValue() {
        return localValue;
    }

    public double getLocalValuePrimitive() {
        return localValue;
    }

    @Override
    public void merge(Accumulator<Double, Double> other) {
        add(other.getLocalValue());
    }

    @Override
    public void resetLocal() {
        localValue = 0.0;
    }

    @Override
    public DoubleCounter clone() {
        return new DoubleCounter(localValue);
    }

    @Override
    public String toString() {
        return "DoubleCounter " + localValue;
    }
}
