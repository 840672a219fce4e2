package io.sluice.datastream.runtime;

import io.sluice.api.common.functions.Partitioner;
import io.sluice.api.java.functions.KeySelector;
import io.sluice.runtime.state.keyed.StateSerializer;

/**
 * The end of a chain towards one consumer: serializes each record into the chain's output batches, tagged with this
 * exit's id, with the hash of its key when the consumer is keyed (or the consumer instance a custom partitioner
 * chose). When the batches keep records as objects ({@link BatchBuilder#defersRecords}) each gets a copy
 * ({@link RecordCopier}): the operator before may change the object it emitted once the call returns, and the
 * consumer must not see that, as it would not through the record's bytes.
 */
public final class ExitOperator extends ChainedOperator {
    private static final long serialVersionUID = 1L;
    private final int exit;
    private final StateSerializer<Object> serializer;
    private final KeySelector<Object, Object> keySelector;
    private final Partitioner<Object> partitioner;
    private final int partitions;
    private transient RecordCopier copier;

    public ExitOperator(int exit, StateSerializer<?> serializer, KeySelector<?, ?> keySelector) {
        this(exit, serializer, keySelector, null, 0);
    }

    /**
     * An exit whose records carry the consumer instance that {@code partitioner} picks out of {@code partitions}
     * for their key ({@code partitionCustom}) where a keyed exit's carry the key's hash.
     */
    @SuppressWarnings("unchecked")
    public ExitOperator(int exit, StateSerializer<?> serializer, KeySelector<?, ?> keySelector,
            Partitioner<?> partitioner, int partitions) {
        super("exit-" + exit);
        this.exit = exit;
        this.serializer = (StateSerializer<Object>) serializer;
        this.keySelector = (KeySelector<Object, Object>) keySelector;
        this.partitioner = (Partitioner<Object>) partitioner;
        this.partitions = partitions;
    }

    @Override
    public void open() throws Exception {
        if (context.batches.defersRecords()) {
            copier = new RecordCopier(serializer);
        }
    }

    @Override
    public void processElement(int input, Object record, long timestamp) throws Exception {
        Object value = copier == null ? record : copier.copy(record);
        if (keySelector == null) {
            context.batches.add(serializer, value, timestamp, false, 0, exit);
        } else if (partitioner != null) {
            int target = partitioner.partition(keySelector.getKey(value), partitions);
            if (target < 0 || target >= partitions) {
                throw new IllegalStateException("The partitioner " + partitioner.getClass().getName()
                        + " chose partition " + target + " of " + partitions + " (it must be 0 to "
                        + (partitions - 1) + ")");
            }
            context.batches.add(serializer, value, timestamp, true, target, exit);
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
