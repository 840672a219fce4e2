package io.sluice.datastream.runtime;

import io.sluice.api.common.accumulators.Accumulator;
import io.sluice.runtime.config.Configuration;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accumulators of one job run: each chain instance registers its accumulators (by name) here, under the
 * instance's name, which a restarted instance shares so that the final attempt's accumulators replace the failed
 * one's; when the job ends, {@link #results} merges those of equal name. A job finds its registry through an entry of
 * its configuration.
 */
public final class JobAccumulators {
    /** The configuration key naming a job's registry. */
    static final String KEY = "sluice.internal.datastream.accumulators";
    private static final Map<String, JobAccumulators> JOBS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final Map<String, Map<String, Accumulator<?, ?>>> instances = new ConcurrentHashMap<>();

    private JobAccumulators() {
    }

    /** A registry for a job to be submitted with {@code config}, which this names it in. */
    public static JobAccumulators register(Configuration config) {
        JobAccumulators job = new JobAccumulators();
        JOBS.put(job.id, job);
        config.setString(KEY, job.id);
        return job;
    }

    /** The registry of the job configured by {@code config}, or null (the accumulators then stay local). */
    static JobAccumulators of(Configuration config) {
        String id = config.getString(KEY);
        return id == null ? null : JOBS.get(id);
    }

    /** Registers (or replaces, after a restart) the accumulators of the chain instance {@code instance}. */
    void put(String instance, Map<String, Accumulator<?, ?>> accumulators) {
        instances.put(instance, accumulators);
    }

    /**
     * The accumulators' results: for each name, the merge of every instance's accumulator of that name. Forgets the
     * registry (call once, when the job has ended).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Map<String, Object> results() {
        JOBS.remove(id);
        Map<String, Accumulator> merged = new TreeMap<>();
        for (Map<String, Accumulator<?, ?>> accumulators : new TreeMap<>(instances).values()) {
            synchronized (accumulators) {
                for (Map.Entry<String, Accumulator<?, ?>> e : accumulators.entrySet()) {
                    Accumulator existing = merged.get(e.getKey());
                    if (existing == null) {
                        merged.put(e.getKey(), e.getValue().clone());
                    } else if (existing.getClass() != e.getValue().getClass()) {
                        throw new UnsupportedOperationException("The accumulator object '" + e.getKey()
                                + "' was created with two different types: " + existing.getClass().getName()
                                + " and " + e.getValue().getClass().getName());
                    } else {
                        existing.merge(e.getValue());
                    }
                }
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        for (Map.Entry<String, Accumulator> e : merged.entrySet()) {
            Serializable value = e.getValue().getLocalValue();
            results.put(e.getKey(), value);
        }
        return Collections.unmodifiableMap(results);
    }
}
