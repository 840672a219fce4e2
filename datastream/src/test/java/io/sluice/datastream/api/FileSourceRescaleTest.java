package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.connector.sink2.Sink;
import io.sluice.api.connector.sink2.SinkWriter;
import io.sluice.api.connector.sink2.WriterInitContext;
import io.sluice.configuration.Configuration;
import io.sluice.connector.file.src.FileSource;
import io.sluice.connector.file.src.reader.TextLineInputFormat;
import io.sluice.core.execution.JobClient;
import io.sluice.core.execution.SavepointFormatType;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bounded {@code FileSource} of text lines stopped with a savepoint part way through its files resumes at another
 * parallelism: the files the earlier readers had left, and the lines left of the files they were reading, are dealt
 * to the new readers, so every line is read exactly once.
 */
class FileSourceRescaleTest {
    private static final Map<String, List<String>> RESULTS = new ConcurrentHashMap<>();
    private static final int FILES = 5;
    private static final int LINES = 400;
    private static volatile boolean slow;

    @TempDir
    Path dir;

    /** Remembers every line in a static list named by the sink. */
    static final class ListSink implements Sink<String> {
        private final String name;

        ListSink(String name) {
            this.name = name;
            RESULTS.put(name, new CopyOnWriteArrayList<>());
        }

        @Override
        public SinkWriter<String> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(String element, Context ctx) {
                    RESULTS.get(name).add(element);
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** Passes lines on, a millisecond each while {@link #slow} (so the first run can be stopped part way). */
    static final class Pace implements MapFunction<String, String> {
        @Override
        public String map(String line) throws Exception {
            if (slow) {
                Thread.sleep(1);
            }
            return line;
        }
    }

    private StreamExecutionEnvironment env(int parallelism, String savepoint) {
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "16");
        conf.setString("execution.checkpointing.dir", dir.resolve("checkpoints").toString());
        if (savepoint != null) {
            conf.setString("execution.savepoint.path", savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }

    private void job(StreamExecutionEnvironment env, Path input, String sink) {
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new io.sluice.core.fs.Path(input.toString())).build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "lines")
                .map(new Pace())
                .sinkTo(new ListSink(sink));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2, 1", "2, 3", "1, 2"})
    @Timeout(120)
    void everyLineIsReadOnceAcrossTheRescale(int from, int to) throws Exception {
        Path input = Files.createDirectories(dir.resolve("in"));
        Set<String> all = new HashSet<>();
        for (int f = 0; f < FILES; f++) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < LINES; i++) {
                lines.add("file" + f + "-line" + i);
            }
            Files.write(input.resolve("part-" + f + ".txt"), lines);
            all.addAll(lines);
        }
        String before = "before-" + from + "-" + to;
        String after = "after-" + from + "-" + to;
        slow = true;
        StreamExecutionEnvironment first = env(from, null);
        first.enableCheckpointing(60_000);
        job(first, input, before);
        JobClient client = first.executeAsync("before");
        while (RESULTS.get(before).size() < 300) {
            Thread.sleep(10);
        }
        String savepoint = client.stopWithSavepoint(false, dir.resolve("savepoints").toString(),
                SavepointFormatType.CANONICAL).get(30, TimeUnit.SECONDS);
        client.getJobExecutionResult().get(30, TimeUnit.SECONDS);
        int seen = RESULTS.get(before).size();
        assertTrue(seen < FILES * LINES, "stopped part way: " + seen);

        slow = false;
        StreamExecutionEnvironment second = env(to, savepoint);
        job(second, input, after);
        second.execute("after");

        List<String> read = new ArrayList<>(RESULTS.get(before));
        read.addAll(RESULTS.get(after));
        assertEquals(FILES * LINES, read.size(), "no line lost or read twice (" + seen + " before the savepoint)");
        assertEquals(all, new HashSet<>(read));
    }
}
