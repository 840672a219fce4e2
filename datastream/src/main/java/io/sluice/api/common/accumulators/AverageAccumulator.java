package io.sluice.api.common.accumulators;

/** The average of the values added (0 when none was). */
public class AverageAccumulator implements SimpleAccumulator<Double> {
    private static final long serialVersionUID = 1L;
    private long count;
    private double sum;

    @Override
    public void add(Double value) {
        add(value.doubleValue());
    }

    public void add(double value) {
        count++;
        sum += value;
    }

    public void add(long value) {
        add((double) value);
    }

    public void add(int value) {
        add((double) value);
    }

    @Override
    public Double getLocalValue() {
        return count == 0 ? 0.0 : sum / count;
    }

    @Override
    public void resetLocal() {
        count = 0;
        sum = 0;
    }

    @Override
    public void merge(Accumulator<Double, Double> other) {
        if (!(other instanceof AverageAccumulator)) {
            throw new IllegalArgumentException("The merged accumulator must be AverageAccumulator.");
        }
        AverageAccumulator o = (AverageAccumulator) other;
        count += o.count;
        sum += o.sum;
    }

    @Override
    public AverageAccumulator clone() {
        AverageAccumulator copy = new AverageAccumulator();
        copy.count = count;
        copy.sum = sum;
        return copy;
    }

    @Override
    public String toString() {
        return "AverageAccumulator (" + getLocalValue() + " for " + count + " elements)";
    }
}
