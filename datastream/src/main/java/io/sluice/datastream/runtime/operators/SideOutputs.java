package io.sluice.datastream.runtime.operators;

import io.sluice.datastream.runtime.ChainOutput;
import io.sluice.datastream.runtime.RecordEmitException;
import io.sluice.util.OutputTag;

/** Emits to a side output from a user-facing context (which cannot throw checked exceptions). */
final class SideOutputs {
    private SideOutputs() {
    }

    static void emit(ChainOutput output, OutputTag<?> tag, Object value, long timestamp) {
        if (tag == null) {
            throw new IllegalArgumentException("OutputTag must not be null.");
        }
        try {
            output.collect(tag, value, timestamp);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RecordEmitException(e);
        }
    }
}
