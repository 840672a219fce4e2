package io.sluice.datastream.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.connector.source.Boundedness;
import io.sluice.configuration.Configuration;
import io.sluice.connector.file.src.FileSource;
import io.sluice.connector.file.src.reader.TextLineInputFormat;
import io.sluice.core.fs.Path;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.util.CloseableIterator;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code FileSource.forRecordStreamFormat(...).monitorContinuously(interval)}: an unbounded source that reads the
 * files of a directory and then those that appear later, each once, also across a failure and restore.
 */
class MonitoredFileSourceTest {
    @TempDir
    java.nio.file.Path dir;

    private static FileSource<String> monitored(java.nio.file.Path dir) {
        return FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(dir.toString()))
                .monitorContinuously(Duration.ofMillis(50)).build();
    }

    /** Writes a file under a hidden name and renames it into place, as a writer that publishes whole files. */
    private static void publish(java.nio.file.Path dir, String name, List<String> lines) throws Exception {
        java.nio.file.Path hidden = dir.resolve("." + name);
        Files.write(hidden, lines);
        Files.move(hidden, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<String> next(CloseableIterator<String> it, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(it.next());
        }
        out.sort(null);
        return out;
    }

    @Test
    @Timeout(60)
    void newFilesAreReadAsTheyAppear() throws Exception {
        assertEquals(Boundedness.CONTINUOUS_UNBOUNDED, monitored(dir).getBoundedness());
        assertEquals(Boundedness.BOUNDED, FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new Path(dir.toString())).monitorContinuously(Duration.ofSeconds(1)).processStaticFileSet().build()
                .getBoundedness());
        assertThrows(IllegalArgumentException.class, () -> FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new Path(dir.toString())).monitorContinuously(Duration.ZERO));

        publish(dir, "a.txt", List.of("a1", "a2"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        try (CloseableIterator<String> it = env.fromSource(monitored(dir), WatermarkStrategy.noWatermarks(),
                "monitored files").executeAndCollect()) {
            assertEquals(List.of("a1", "a2"), next(it, 2));
            publish(dir, "b.txt", List.of("b1", "b2", "b3"));
            publish(dir, "c.txt", List.of("c1"));
            assertEquals(List.of("b1", "b2", "b3", "c1"), next(it, 4));
            Files.write(dir.resolve("a.txt"), List.of("a1", "a2", "a3")); // read once: a change is not read again
            publish(dir, "d.txt", List.of("d1"));
            assertEquals(List.of("d1"), next(it, 1));
        }
    }

    /** Fails once, after some records, slowly enough that checkpoints fall before. */
    public static final class FailOnce implements MapFunction<String, String> {
        static final Set<String> FAILED = ConcurrentHashMap.newKeySet();
        private int seen;

        @Override
        public String map(String value) throws Exception {
            Thread.sleep(1);
            if (++seen == 120 && FAILED.add("monitored")) {
                throw new IllegalStateException("injected failure");
            }
            return value;
        }
    }

    @Test
    @Timeout(60)
    void aRestoredJobReadsEveryLineOnce() throws Exception {
        java.nio.file.Path in = Files.createDirectories(dir.resolve("in"));
        List<String> expected = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                lines.add("f" + f + "-" + i);
            }
            publish(in, "f" + f + ".txt", lines);
            expected.addAll(lines);
        }
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "8");
        conf.setString("execution.checkpointing.dir", dir.resolve("chk").toString());
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(20);
        List<String> got = env.fromSource(monitored(in), WatermarkStrategy.noWatermarks(), "monitored files")
                .map(new FailOnce())
                .executeAndCollect(expected.size());
        assertTrue(FailOnce.FAILED.contains("monitored"), "the failure was injected");
        got.sort(null);
        expected.sort(null);
        assertEquals(expected, got);
    }
}
