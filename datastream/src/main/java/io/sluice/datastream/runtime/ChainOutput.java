package io.sluice.datastream.runtime;

import io.sluice.util.OutputTag;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a chained operator's records go: straight into the operators chained after it (main output, or the side
 * output of a tag), without serialization.
 */
public final class ChainOutput {
    private final List<ChainedOperator> main = new ArrayList<>();
    private final List<OutputTag<?>> sideTags = new ArrayList<>();
    private final List<ChainedOperator> sideTargets = new ArrayList<>();
    private final List<ChainedOperator> all = new ArrayList<>();

    void add(ChainedOperator target, OutputTag<?> tag) {
        if (tag == null) {
            main.add(target);
        } else {
            sideTags.add(tag);
            sideTargets.add(target);
        }
        all.add(target);
    }

    /** Emits a record of the main output. */
    public void collect(Object record, long timestamp) throws Exception {
        for (int i = 0; i < main.size(); i++) {
            main.get(i).processElement(0, record, timestamp);
        }
    }

    /** Emits a record to the side output {@code tag} (dropped when nothing reads that side output). */
    public void collect(OutputTag<?> tag, Object record, long timestamp) throws Exception {
        for (int i = 0; i < sideTags.size(); i++) {
            if (sideTags.get(i).equals(tag)) {
                sideTargets.get(i).processElement(0, record, timestamp);
            }
        }
    }

    /** Passes a watermark to every operator chained after this one. */
    public void emitWatermark(long watermark) throws Exception {
        for (int i = 0; i < all.size(); i++) {
            all.get(i).processWatermark(watermark);
        }
    }

    /** Records emitted from processElement with {@code timestamp} go through this user-facing collector. */
    public <T> TimestampedCollector<T> collector() {
        return new TimestampedCollector<>(this);
    }
}
