package io.sluice.python.udf;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.ref.Cleaner;

/**
 * The accumulator of a Python aggregate function. It lives in the Python worker of its function under a number
 * ({@link PythonWorker#resident}): accumulate and retract send only the row, not the accumulator. Its serialized form
 * (a checkpoint) is the Python accumulator object, pickled, fetched from the worker when written; a deserialized
 * accumulator is loaded into the worker again when it is next used. When the object is garbage, its worker forgets
 * the Python object.
 */
public final class PythonAccumulator implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Cleaner CLEANER = Cleaner.create();

    /** The pickled accumulator when it does not live in a worker; null while it does. */
    byte[] state;
    /** The worker the accumulator lives in, or null. */
    transient PythonWorker owner;
    /** Its number there. */
    transient int handle;
    private transient Cleaner.Cleanable release;

    PythonAccumulator(byte[] state) {
        this.state = state;
    }

    /** Records that the accumulator now lives in {@code worker} under {@code number}; the old home forgets it. */
    void moveTo(PythonWorker worker, int number) {
        if (release != null) {
            release.clean();
        }
        owner = worker;
        handle = number;
        state = null;
        release = CLEANER.register(this, worker.releaser(number));
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        byte[] live = owner != null ? owner.pickle(handle) : state;
        byte[] kept = state;
        state = live;
        try {
            out.defaultWriteObject();
        } finally {
            state = kept;
        }
    }
}
