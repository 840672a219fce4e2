package io.sluice.datastream.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.eventtime.WatermarkStrategy;
import io.sluice.api.common.functions.MapFunction;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeinfo.Types;
import io.sluice.api.java.tuple.Tuple2;
import io.sluice.configuration.Configuration;
import io.sluice.connector.file.src.FileSource;
import io.sluice.connector.file.src.FileSourceSplit;
import io.sluice.connector.file.src.reader.BulkFormat;
import io.sluice.connector.file.src.reader.SimpleStreamFormat;
import io.sluice.connector.file.src.reader.StreamFormat;
import io.sluice.connector.file.src.util.RecordAndPosition;
import io.sluice.core.fs.FSDataInputStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code FileSource.forRecordStreamFormat} and {@code forBulkFileFormat} with formats of one's own: binary files of
 * (name, amount) records, each a UTF string and an int, read by a {@link SimpleStreamFormat} over the file's byte
 * stream and by a {@link BulkFormat} that decodes blocks of records.
 */
class StreamFormatFileSourceTest {
    private static final Map<String, AtomicInteger> SEEN = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    /** Reads (name, amount) records until the end of the file. */
    static final class AmountsFormat extends SimpleStreamFormat<Tuple2<String, Integer>> {
        @Override
        public Reader<Tuple2<String, Integer>> createReader(Configuration config, FSDataInputStream stream) {
            DataInputStream in = new DataInputStream(stream);
            return new Reader<>() {
                @Override
                public Tuple2<String, Integer> read() throws IOException {
                    String name;
                    try {
                        name = in.readUTF();
                    } catch (EOFException end) {
                        return null;
                    }
                    return Tuple2.of(name, in.readInt());
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        }

        @Override
        public TypeInformation<Tuple2<String, Integer>> getProducedType() {
            return Types.TUPLE(Types.STRING, Types.INT);
        }
    }

    /** Reads the same files in batches of up to 16 records (as a columnar format decodes a block at a time). */
    static final class AmountBlocksFormat implements BulkFormat<Tuple2<String, Integer>, FileSourceSplit> {
        static final int BLOCK = 16;

        @Override
        public Reader<Tuple2<String, Integer>> createReader(Configuration config, FileSourceSplit split)
                throws IOException {
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(
                    Files.newInputStream(split.path().toLocalPath())));
            return new Reader<>() {
                private long offset;

                @Override
                public RecordIterator<Tuple2<String, Integer>> readBatch() throws IOException {
                    List<Tuple2<String, Integer>> block = new ArrayList<>();
                    while (block.size() < BLOCK) {
                        try {
                            block.add(Tuple2.of(in.readUTF(), in.readInt()));
                        } catch (EOFException end) {
                            break;
                        }
                    }
                    if (block.isEmpty()) {
                        return null;
                    }
                    long blockOffset = offset++;
                    java.util.Iterator<Tuple2<String, Integer>> it = block.iterator();
                    return new RecordIterator<>() {
                        private long skip;

                        @Override
                        public RecordAndPosition<Tuple2<String, Integer>> next() {
                            return it.hasNext() ? new RecordAndPosition<>(it.next(), blockOffset, ++skip) : null;
                        }

                        @Override
                        public void releaseBatch() {
                        }
                    };
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        }

        @Override
        public Reader<Tuple2<String, Integer>> restoreReader(Configuration config, FileSourceSplit split)
                throws IOException {
            return createReader(config, split);
        }

        @Override
        public boolean isSplittable() {
            return false;
        }

        @Override
        public TypeInformation<Tuple2<String, Integer>> getProducedType() {
            return Types.TUPLE(Types.STRING, Types.INT);
        }
    }

    @Test
    void aBulkFormatReadsBlocksOfRecords() throws Exception {
        List<String> expected = write(3, 50);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        FileSource<Tuple2<String, Integer>> source = FileSource.forBulkFileFormat(new AmountBlocksFormat(),
                new io.sluice.core.fs.Path(dir.toString())).build();
        List<Tuple2<String, Integer>> out = env.fromSource(source, WatermarkStrategy.noWatermarks(), "blocks")
                .executeAndCollect(1000);
        assertEquals(expected, sorted(out));
    }

    /** Writes files part-0 .. part-{files-1} of {@code perFile} records each; returns every record as text. */
    private List<String> write(int files, int perFile) throws IOException {
        List<String> all = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve("part-" + f)))) {
                for (int i = 0; i < perFile; i++) {
                    out.writeUTF("n" + f + "-" + i);
                    out.writeInt(f * 1000 + i);
                    all.add(Tuple2.of("n" + f + "-" + i, f * 1000 + i).toString());
                }
            }
        }
        all.sort(null);
        return all;
    }

    private static List<String> sorted(List<Tuple2<String, Integer>> records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(r.toString()));
        out.sort(null);
        return out;
    }

    @Test
    void readsEveryRecordOfEveryFileOnceAtAnyParallelism() throws Exception {
        List<String> expected = write(3, 50);
        for (int p : new int[] {1, 2}) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(p);
            FileSource<Tuple2<String, Integer>> source = FileSource.forRecordStreamFormat(new AmountsFormat(),
                    new io.sluice.core.fs.Path(dir.toString())).build();
            List<Tuple2<String, Integer>> out = env.fromSource(source, WatermarkStrategy.noWatermarks(), "amounts")
                    .executeAndCollect(1000);
            assertEquals(expected, sorted(out), "parallelism " + p);
        }
    }

    /** Fails once part way (slowly, so that checkpoints complete before); the restored readers skip what they read. */
    static final class FailOnce implements MapFunction<Tuple2<String, Integer>, Tuple2<String, Integer>> {
        private final String id;

        FailOnce(String id) {
            this.id = id;
        }

        @Override
        public Tuple2<String, Integer> map(Tuple2<String, Integer> value) throws Exception {
            int n = SEEN.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(1);
            if (n == 150) {
                throw new IllegalStateException("injected failure at record " + n);
            }
            return value;
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRestoredJobReadsOnFromItsCheckpoint(boolean bulk) throws Exception {
        List<String> expected = write(2, 100);
        Configuration conf = new Configuration();
        conf.setString("table.exec.batch-size", "4");
        conf.setString("execution.checkpointing.dir", dir.resolve("checkpoints").toString());
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "3");
        conf.setString("restart-strategy.fixed-delay.delay", "10 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(20);
        io.sluice.core.fs.Path[] files = {new io.sluice.core.fs.Path(dir.resolve("part-0").toString()),
                new io.sluice.core.fs.Path(dir.resolve("part-1").toString())};
        FileSource<Tuple2<String, Integer>> source = bulk
                ? FileSource.forBulkFileFormat(new AmountBlocksFormat(), files).build()
                : FileSource.forRecordStreamFormat(new AmountsFormat(), files).build();
        String id = "restore-" + bulk + "-" + System.nanoTime();
        List<Tuple2<String, Integer>> out = env.fromSource(source, WatermarkStrategy.noWatermarks(), "amounts")
                .map(new FailOnce(id)).returns(Types.TUPLE(Types.STRING, Types.INT))
                .executeAndCollect(1000);
        assertEquals(expected, sorted(out));
        assertTrue(SEEN.get(id).get() >= 150, "the failure was injected");
    }

    @Test
    void monitoringOtherFormatsIsNotSupportedYet() {
        StreamFormat<Tuple2<String, Integer>> format = new AmountsFormat();
        io.sluice.core.fs.Path path = new io.sluice.core.fs.Path(dir.toString());
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> FileSource.forRecordStreamFormat(format, path).monitorContinuously(Duration.ofSeconds(1))
                        .build());
        assertTrue(e.getMessage().startsWith("not supported yet: monitorContinuously with formats other than"),
                e.getMessage());
        e = assertThrows(UnsupportedOperationException.class, () -> FileSource.forBulkFileFormat(
                new AmountBlocksFormat(), path).monitorContinuously(Duration.ofSeconds(1)).build());
        assertTrue(e.getMessage().startsWith("not supported yet: monitorContinuously with formats other than"),
                e.getMessage());
    }
}
