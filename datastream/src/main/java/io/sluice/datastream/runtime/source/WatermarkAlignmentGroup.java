package io.sluice.datastream.runtime.source;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.execution.LocalExecutor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The source readers of one watermark alignment group in one job ({@code WatermarkStrategy.withWatermarkAlignment}):
 * each member reports the watermark it emitted, and the group's watermark is the smallest of them. A member that has
 * emitted none holds the group at {@code Long.MIN_VALUE}; an idle or ended member reports {@code Long.MAX_VALUE} and
 * so holds nobody back. A reader restarted after a failure joins again under the same member name and replaces its
 * earlier report. Thread-safe: the members run on their tasks' threads.
 */
public final class WatermarkAlignmentGroup {
    /** The groups of the running jobs, by job and group name. */
    private static final Map<String, WatermarkAlignmentGroup> GROUPS = new ConcurrentHashMap<>();

    private final String key;
    private final Map<String, Long> watermarks = new HashMap<>();

    private WatermarkAlignmentGroup(String key) {
        this.key = key;
    }

    /** Joins {@code member} to the group {@code group} of the job configured by {@code config}. */
    static WatermarkAlignmentGroup join(Configuration config, String group, String member) {
        String key = key(config, group);
        while (true) {
            WatermarkAlignmentGroup g = GROUPS.computeIfAbsent(key, WatermarkAlignmentGroup::new);
            synchronized (g) {
                if (GROUPS.get(key) == g) { // not removed by the last member leaving meanwhile
                    g.watermarks.put(member, Long.MIN_VALUE);
                    return g;
                }
            }
        }
    }

    private static String key(Configuration config, String group) {
        String job = config.getString(LocalExecutor.JOB_ID);
        return (job != null ? job : "config@" + System.identityHashCode(config)) + "/" + group;
    }

    /**
     * Reports the watermark that was generated for {@code member} after its source (a source whose watermarks come
     * from {@code assignTimestampsAndWatermarks} chained to it); ignored when the member's reader left the group.
     */
    public static void reportGenerated(Configuration config, String group, String member, long watermark) {
        WatermarkAlignmentGroup g = GROUPS.get(key(config, group));
        if (g != null) {
            synchronized (g) {
                if (g.watermarks.containsKey(member)) {
                    g.watermarks.put(member, watermark);
                }
            }
        }
    }

    /** Whether {@code member}'s watermark is more than {@code maxDrift} ahead of the group's smallest. */
    synchronized boolean isAhead(String member, long maxDrift) {
        Long own = watermarks.get(member);
        return own != null && own > maxAllowedWatermark(maxDrift);
    }

    /** Reports the watermark {@code member} emitted ({@code Long.MAX_VALUE} when it is idle or ended). */
    synchronized void report(String member, long watermark) {
        watermarks.put(member, watermark);
    }

    /** The largest watermark a member may have: the group's smallest plus {@code maxDrift}. */
    synchronized long maxAllowedWatermark(long maxDrift) {
        long min = Long.MAX_VALUE;
        for (long w : watermarks.values()) {
            min = Math.min(min, w);
        }
        return min > Long.MAX_VALUE - maxDrift ? Long.MAX_VALUE : min + maxDrift;
    }

    /** {@code member} leaves (its reader closed); the group is forgotten when its last member leaves. */
    synchronized void leave(String member) {
        watermarks.remove(member);
        if (watermarks.isEmpty()) {
            GROUPS.remove(key, this);
        }
    }
}
