package io.sluice.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The per-partition watermark rules, on a clock the test moves. */
class PartitionWatermarksTest {
    private final AtomicLong now = new AtomicLong(1000);
    private final TopicPartition p0 = new TopicPartition("t", 0);
    private final TopicPartition p1 = new TopicPartition("t", 1);

    @Test
    void minimumOverPartitionsEmittedOnlyWhenItAdvances() {
        PartitionWatermarks w = new PartitionWatermarks(0, true, 0, now::get);
        w.add(p0);
        w.add(p1);
        w.onRecords(p1, 500);
        assertEquals(Long.MIN_VALUE, w.poll(), "partition 0 has no records yet");
        w.onRecords(p0, 100);
        assertEquals(100, w.poll());
        assertEquals(Long.MIN_VALUE, w.poll(), "no advance");
        w.onRecords(p0, 50);
        assertEquals(Long.MIN_VALUE, w.poll(), "never goes back");
        w.onRecords(p0, 900);
        assertEquals(500, w.poll());
        now.addAndGet(1_000_000);
        assertFalse(w.isIdle(), "no idle timeout");
    }

    @Test
    void idlePartitionsAreLeftOutUntilTheyHaveRecordsAgain() {
        PartitionWatermarks w = new PartitionWatermarks(100, true, 0, now::get);
        w.add(p0);
        w.add(p1);
        w.onRecords(p0, 700);
        assertEquals(Long.MIN_VALUE, w.poll());
        now.addAndGet(60);
        w.onRecords(p0, 800);
        now.addAndGet(50); // partition 1: 110 ms without records; partition 0: 50 ms
        assertEquals(800, w.poll());
        assertFalse(w.isIdle());
        now.addAndGet(100);
        assertTrue(w.isIdle(), "both partitions idle");
        assertEquals(Long.MIN_VALUE, w.poll(), "an idle reader's watermark holds");
        w.onRecords(p1, 900);
        assertFalse(w.isIdle());
        assertEquals(900, w.poll());
    }

    @Test
    void periodicEmissionAndFinishedPartitions() {
        PartitionWatermarks w = new PartitionWatermarks(0, false, 200, now::get);
        w.add(p0);
        w.add(p1);
        w.onRecords(p0, 10);
        w.onRecords(p1, 20);
        assertEquals(10, w.poll());
        w.onRecords(p0, 30);
        assertEquals(Long.MIN_VALUE, w.poll(), "within the interval");
        now.addAndGet(200);
        assertEquals(20, w.poll());
        w.finished(p1);
        now.addAndGet(200);
        assertEquals(30, w.poll(), "a finished partition no longer holds it back");
        assertEquals(Long.MIN_VALUE, new PartitionWatermarks(0, false, 0, now::get).poll());
    }
}
