package io.sluice.python;

import io.sluice.table.functions.ScalarFunction;

/** The Java twin of the Python benchmark's trivial function ({@code python/benchmarks/udf_benchmark.py}). */
public class PlusOne extends ScalarFunction {
    public Long eval(Long v) {
        return v == null ? null : v + 1;
    }
}
