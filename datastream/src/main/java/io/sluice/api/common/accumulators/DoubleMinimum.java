package io.sluice.api.common.accumulators;

/** The smallest {@code double} value added (positive infinity when none was). */
public class DoubleMinimum implements SimpleAccumulator<Double> {
    private static final long serialVersionUID = 1L;
    private double localValue = Double.POSITIVE_INFINITY;

    public DoubleMinimum() {
    }

    public DoubleMinimum(double value) {
        this.localValue = value;
    }

    @Override
    public void add(Double value) {
        add((double) value);
    }

    public void add(double value) {
        localValue = Math.min(localValue, value);
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
        localValue = Double.POSITIVE_INFINITY;
    }

    @Override
    public DoubleMinimum clone() {
        return new DoubleMinimum(localValue);
    }

    @Override
    public String toString() {
        return "DoubleMinimum " + localValue;
    }
}
