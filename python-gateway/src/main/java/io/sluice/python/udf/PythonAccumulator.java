package io.sluice.python.udf;

import java.io.Serializable;

/** The accumulator of a Python aggregate function: the Python accumulator object, pickled. */
public final class PythonAccumulator implements Serializable {
    private static final long serialVersionUID = 1L;

    byte[] state;

    PythonAccumulator(byte[] state) {
        this.state = state;
    }
}
