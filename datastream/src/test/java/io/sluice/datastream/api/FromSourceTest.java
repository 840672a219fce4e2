package io.sluice.datastream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.connector.datagen.source.DataGeneratorSource;
import io.sluice.connector.datagen.source.GeneratorFunction;
import io.sluice.connector.file.src.FileSource;
import io.sluice.connector.file.src.reader.TextLineInputFormat;
import io.sluice.core.fs.Path;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code fromSource} with the data generator and file sources. */
class FromSourceTest {
    @TempDir
    java.nio.file.Path dir;

    static List<String> sorted(List<?> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(String.valueOf(v)));
        out.sort(null);
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void dataGeneratorSourceWithEventTime(int p) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(p);
        GeneratorFunction<Long, Tuple2<String, Long>> generator = index -> Tuple2.of("k" + (index % 2), index * 1000);
        DataGeneratorSource<Tuple2<String, Long>> source = new DataGeneratorSource<>(generator, 20,
                Types.TUPLE(Types.STRING, Types.LONG));
        List<Tuple2<String, Long>> out = env.fromSource(source,
                        WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
                                .withTimestampAssigner((e, ts) -> e.f1), "Generator Source")
                .keyBy(e -> e.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))
                .executeAndCollect(100);
        // k0: 0+2+...+8 = 20 s and 10+...+18 = 70 s; k1: 1+...+9 = 25 s and 11+...+19 = 75 s
        assertEquals(sorted(List.of("(k0,20000)", "(k0,70000)", "(k1,25000)", "(k1,75000)")), sorted(out));
    }

    @Test
    void rateLimitedGeneratorTakesItsTime() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DataGeneratorSource<String> source = new DataGeneratorSource<>(index -> "Number: " + index, 5,
                RateLimiterStrategy.perSecond(50), Types.STRING);
        long start = System.nanoTime();
        List<String> out = env.fromSource(source, WatermarkStrategy.noWatermarks(), "Generator Source")
                .executeAndCollect(10);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of("Number: 0", "Number: 1", "Number: 2", "Number: 3", "Number: 4"), out);
        assertTrue(millis >= 70, "5 records at 50 per second take at least 80 ms, took " + millis);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void fileSourceReadsTheLinesOfEveryFile(int p) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "to be\nor not\n");
        Files.writeString(dir.resolve("b.txt"), "to be\n");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(p);
        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new Path(dir.toString())).build();
        List<String> lines = env.fromSource(source, WatermarkStrategy.noWatermarks(), "file-source")
                .executeAndCollect(100);
        assertEquals(sorted(List.of("to be", "or not", "to be")), sorted(lines));
        assertThrows(UnsupportedOperationException.class,
                () -> FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path("s3://bucket/x")));
    }
}
