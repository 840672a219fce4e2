package io.sluice.table.api.internal;

import io.sluice.planner.catalog.Catalog;
import io.sluice.planner.catalog.ObjectIdentifier;
import io.sluice.table.api.JobClient;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;

/**
 * The refresh pipelines of the materialized tables of this process, by catalog (sessions that share a catalog see
 * each other's pipelines, so that one session can suspend or drop what another created) and table: the streaming
 * job of a table refreshed continuously, or the schedule of a table refreshed in full. Thread-safe.
 */
final class RefreshPipelines {
    /** The schedules of full refreshes; daemon threads, so an application's JVM ends without dropping its tables. */
    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "materialized-table-refresh");
        t.setDaemon(true);
        return t;
    });

    private static final Map<Catalog, Map<ObjectIdentifier, Pipeline>> PIPELINES = new WeakHashMap<>();

    private RefreshPipelines() {
    }

    /** A running refresh pipeline: a continuous job or a schedule of full refreshes. */
    record Pipeline(JobClient job, ScheduledFuture<?> schedule) {
    }

    static synchronized void put(Catalog catalog, ObjectIdentifier id, Pipeline pipeline) {
        PIPELINES.computeIfAbsent(catalog, c -> new HashMap<>()).put(id, pipeline);
    }

    /** Removes and returns the pipeline of a table, or null. */
    static synchronized Pipeline remove(Catalog catalog, ObjectIdentifier id) {
        Map<ObjectIdentifier, Pipeline> m = PIPELINES.get(catalog);
        return m == null ? null : m.remove(id);
    }

    /** The pipeline of a table, or null. */
    static synchronized Pipeline get(Catalog catalog, ObjectIdentifier id) {
        Map<ObjectIdentifier, Pipeline> m = PIPELINES.get(catalog);
        return m == null ? null : m.get(id);
    }

    /** Runs {@code refresh} every {@code periodMillis}, the first time one period from now. */
    static ScheduledFuture<?> schedule(Runnable refresh, long periodMillis) {
        return SCHEDULER.scheduleAtFixedRate(refresh, periodMillis, periodMillis,
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
