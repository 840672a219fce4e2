package io.sluice.datastream.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.functions.OpenContext;
import io.sluice.api.common.functions.RichMapFunction;
import io.sluice.metrics.Counter;
import io.sluice.metrics.MetricGroup;
import io.sluice.metrics.groups.OperatorIOMetricGroup;
import io.sluice.metrics.groups.OperatorMetricGroup;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.functions.sink.v2.DiscardingSink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code getRuntimeContext().getMetricGroup()} is an {@code OperatorMetricGroup}: variables and identifiers as in
 * Flink, and the instance's record counts through {@code getIOMetricGroup()}.
 */
class OperatorMetricGroupTest {
    static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

    /** Reads the metric group's names and variables in open, the IO counts at the last record and in close. */
    public static final class Reading extends RichMapFunction<Long, Long> {
        private transient OperatorIOMetricGroup io;
        private transient Counter mine;

        @Override
        public void open(OpenContext openContext) {
            OperatorMetricGroup group = getRuntimeContext().getMetricGroup();
            MetricGroup child = group.addGroup("kafka", "topic-a").addGroup("reads");
            mine = child.counter("records");
            SEEN.put("identifier", child.getMetricIdentifier("records"));
            SEEN.put("filtered", child.getMetricIdentifier("records", s -> s.replace('-', '_')));
            SEEN.put("variables", child.getAllVariables());
            io = group.getIOMetricGroup();
            SEEN.put("ioVariables", io.getAllVariables());
            try {
                io.getNumRecordsInCounter().inc();
            } catch (UnsupportedOperationException e) {
                SEEN.put("incRejected", e.getMessage());
            }
        }

        @Override
        public Long map(Long value) {
            mine.inc();
            if (value == 100) {
                SEEN.put("recordsInAtTheLast", io.getNumRecordsInCounter().getCount());
                SEEN.put("bytesInAtTheLast", io.getNumBytesInCounter().getCount());
            }
            return value;
        }

        @Override
        public void close() {
            SEEN.put("recordsOutAtClose", io.getNumRecordsOutCounter().getCount());
            SEEN.put("bytesOutAtClose", io.getNumBytesOutCounter().getCount());
            SEEN.put("mine", mine.getCount());
        }
    }

    @Test
    @Timeout(60)
    void variablesIdentifiersAndIoCounts() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        // the map's records leave its chain (a sink right after it would run in the chain, and count nothing out)
        env.fromSequence(1, 100).rebalance().map(new Reading()).rebalance().sinkTo(new DiscardingSink<>());
        env.execute();

        assertEquals("kafka.topic-a.reads.records", SEEN.get("identifier"));
        assertEquals("kafka.topic_a.reads.records", SEEN.get("filtered"));
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) SEEN.get("variables");
        assertEquals("topic-a", variables.get("<kafka>"));
        assertEquals("0", variables.get("<subtask_index>"));
        assertTrue(variables.containsKey("<task_name>") && variables.containsKey("<operator_name>"), "" + variables);
        @SuppressWarnings("unchecked")
        Map<String, String> ioVariables = (Map<String, String>) SEEN.get("ioVariables");
        assertEquals("0", ioVariables.get("<subtask_index>"));
        assertTrue(((String) SEEN.get("incRejected")).startsWith("not supported yet: "));

        assertEquals(100L, SEEN.get("recordsInAtTheLast"), "every record entered the chain before the last one ran");
        assertTrue((Long) SEEN.get("bytesInAtTheLast") > 0);
        assertEquals(100L, SEEN.get("recordsOutAtClose"));
        assertTrue((Long) SEEN.get("bytesOutAtClose") > 0);
        assertEquals(100L, SEEN.get("mine"));
    }
}
