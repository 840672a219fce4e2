package io.sluice.api.common.accumulators;

/** The largest {@code double} value added (negative infinity when none was). */
public class DoubleMaximum implements SimpleAccumulator<Double> {
    private static final long serialVersionUID = 1L;
    private double localValue = Double.NEGATIVE_INFINITY;

    public DoubleMaximum() {
    }

    public DoubleMaximum(double value) {
        this.localValue = value;
    }

    @Override
    public void add(Double value) {
        add((double) value);
    }

    public void add(double value) {
        localValue = Math.max(localValue, value);
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
        localValue = Double.NEGATIVE_INFINITY;
    }

    @Override
    public DoubleMaximum clone() {
        return new DoubleMaximum(localValue);
    }

    @Override
    public String toString() {
        return "DoubleMaximum " + localValue;
    }
}
