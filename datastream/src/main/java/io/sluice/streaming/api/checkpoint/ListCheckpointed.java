package io.sluice.streaming.api.checkpoint;

import java.io.Serializable;
import java.util.List;

/**
 * A function whose operator state is a list of serializable elements (Java serialization), redistributed evenly
 * over the instances when the parallelism changes. Flink deprecates it in favour of {@link CheckpointedFunction}.
 */
public interface ListCheckpointed<T extends Serializable> {
    List<T> snapshotState(long checkpointId, long timestamp) throws Exception;

    /** Called before {@code open} when the job starts from a checkpoint, with this instance's share. */
    void restoreState(List<T> state) throws Exception;
}
