package io.sluice.table.api.bridge.internal;

import io.sluice.datastream.runtime.source.IdleTimeoutScan;
import io.sluice.runtime.graph.SourceTransformation;
import io.sluice.runtime.graph.Transformation;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * {@code WatermarkStrategy.withIdleness} on a stream converted from a table: every source of the table's plan
 * reports its instances idle after the timeout without records, as the sources feeding a DataStream do.
 */
final class IdleSources {
    private IdleSources() {
    }

    static void apply(Transformation root, Duration timeout) {
        visit(root, timeout, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void visit(Transformation t, Duration timeout, Set<Transformation> seen) {
        if (!seen.add(t)) {
            return;
        }
        if (t instanceof SourceTransformation) {
            ((SourceTransformation) t).wrapSource(s -> s instanceof IdleTimeoutScan ? s : new IdleTimeoutScan(s,
                    timeout));
        }
        for (Transformation input : t.inputs()) {
            visit(input, timeout, seen);
        }
    }
}
