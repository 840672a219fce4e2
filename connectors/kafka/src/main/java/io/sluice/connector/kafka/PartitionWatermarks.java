package io.sluice.connector.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.kafka.common.TopicPartition;

/**
 * The watermark of one Kafka reader: each partition's watermark is the largest watermark-expression value of its
 * records so far, and the reader's is the minimum over its partitions, so a partition that is ahead cannot make
 * the rows of a slower one late. A partition without records for the idle timeout is left out until it has
 * records again; when all are idle the reader is idle and its watermark holds. Partitions that reached the end
 * of a bounded read are left out. Emits on every advance (on-event) or at most once per interval (on-periodic).
 * Used by the reader's thread only.
 */
final class PartitionWatermarks {
    private final long idleTimeoutMillis;
    private final boolean onEvent;
    private final long intervalMillis;
    private final LongSupplier clock;
    private final Map<TopicPartition, Partition> partitions = new HashMap<>();
    private long emitted = Long.MIN_VALUE;
    private long lastEmitTime = Long.MIN_VALUE;

    private static final class Partition {
        long max = Long.MIN_VALUE;
        long lastActive;
        boolean finished;
    }

    /**
     * @param idleTimeoutMillis 0 disables idleness
     * @param onEvent emit whenever the watermark advances; otherwise at most once per {@code intervalMillis}
     *     (0: never, only the final watermark, as Flink's periodic watermarks with a zero interval)
     */
    PartitionWatermarks(long idleTimeoutMillis, boolean onEvent, long intervalMillis, LongSupplier clock) {
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.onEvent = onEvent;
        this.intervalMillis = intervalMillis;
        this.clock = clock;
    }

    /** A newly assigned partition: it holds the watermark back until it has records or is idle. */
    void add(TopicPartition tp) {
        partitions.computeIfAbsent(tp, k -> new Partition()).lastActive = clock.getAsLong();
    }

    /** Records arrived in {@code tp}; {@code max} is their largest watermark value (MIN_VALUE when none). */
    void onRecords(TopicPartition tp, long max) {
        Partition p = partitions.computeIfAbsent(tp, k -> new Partition());
        p.lastActive = clock.getAsLong();
        p.max = Math.max(p.max, max);
    }

    /** {@code tp} reached its stop offset: it no longer holds the watermark back. */
    void finished(TopicPartition tp) {
        partitions.computeIfAbsent(tp, k -> new Partition()).finished = true;
    }

    /** The watermark to emit now, or {@link Long#MIN_VALUE} when it has not advanced or is not due. */
    long poll() {
        long now = clock.getAsLong();
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        for (Partition p : partitions.values()) {
            if (p.finished || isIdle(p, now)) {
                continue;
            }
            anyActive = true;
            min = Math.min(min, p.max);
        }
        if (!anyActive || min <= emitted) {
            return Long.MIN_VALUE;
        }
        if (!onEvent && (intervalMillis <= 0 || lastEmitTime != Long.MIN_VALUE && now - lastEmitTime < intervalMillis)) {
            return Long.MIN_VALUE;
        }
        emitted = min;
        lastEmitTime = now;
        return min;
    }

    /** True when an idle timeout is set and every partition not finished has been without records for it. */
    boolean isIdle() {
        if (idleTimeoutMillis <= 0) {
            return false;
        }
        long now = clock.getAsLong();
        for (Partition p : partitions.values()) {
            if (!p.finished && !isIdle(p, now)) {
                return false;
            }
        }
        return true;
    }

    private boolean isIdle(Partition p, long now) {
        return idleTimeoutMillis > 0 && now - p.lastActive >= idleTimeoutMillis;
    }
}
