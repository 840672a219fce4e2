package io.sluice.table.api.bridge.internal;

import io.sluice.datastream.graph.JobGraphBuilder;
import java.util.function.Supplier;

/**
 * The DataStream job a table is being planned into, for the sources of converted streams: while a DataStream job
 * graph is built ({@code env.execute()}), a table converted back into a stream is planned with that job's builder, so
 * the streams it reads are the job's own operators (one job). Outside of it (a table job started by
 * {@code executeSql} or {@code execute()}), each converted stream's operators are built for the table job.
 * A dry run plans only to check a table (its columns and changelog) without building anything.
 */
final class BridgeContext {
    private static final ThreadLocal<Object> CURRENT = new ThreadLocal<>();
    private static final Object DRY = new Object();

    private BridgeContext() {
    }

    /** Runs {@code action} while tables are planned into the job of {@code builder}. */
    static <T> T within(JobGraphBuilder builder, Supplier<T> action) {
        return run(builder, action);
    }

    /** Runs {@code action} as a dry run. */
    static <T> T dry(Supplier<T> action) {
        return run(DRY, action);
    }

    private static <T> T run(Object context, Supplier<T> action) {
        Object previous = CURRENT.get();
        CURRENT.set(context);
        try {
            return action.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    static boolean isDryRun() {
        return CURRENT.get() == DRY;
    }

    /** The builder of the DataStream job being built, or null. */
    static JobGraphBuilder builder() {
        Object c = CURRENT.get();
        return c instanceof JobGraphBuilder ? (JobGraphBuilder) c : null;
    }
}
