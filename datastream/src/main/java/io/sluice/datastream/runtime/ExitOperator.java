package io.sluice.datastream.runtime;

import io.sluice.api.java.functions.KeySelector;
import io.sluice.runtime.state.keyed.StateSerializer;

/**
 * The end of a chain towards one consumer: serializes each record into the chain's output batches, tagged with this
 * exit's id, with the hash of its key when the consumer is keyed.
 */
public final class ExitOperator extends ChainedOperator {
    private static final long serialVersionUID = 1L;
    private final int exit;
    private final StateSerializer<Object> serializer;
    private final KeySelector<Object, Object> keySelector;

    @SuppressWarnings("unchecked")
    public ExitOperator(int exit, StateSerializer<?> serializer, KeySelector<?, ?> keySelector) {
        super("exit-" + exit);
        this.exit = exit;
        this.serializer = (StateSerializer<Object>) serializer;
        this.keySelector = (KeySelector<Object, Object>) keySelector;
    }

    @Override
    public void processElement(int input, Object value, long timestamp) throws Exception {
        if (keySelector == null) {
            context.batches.add(serializer, value, timestamp, false, 0, exit);
        } else {
            Object key = keySelector.getKey(value);
            context.batches.add(serializer, value, timestamp, true, KeyHashes.hash(key), exit);
        }
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        context.batches.watermark(watermark);
    }
}
