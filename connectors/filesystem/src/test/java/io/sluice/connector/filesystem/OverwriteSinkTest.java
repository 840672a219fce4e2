package io.sluice.connector.filesystem;

import static io.sluice.connector.filesystem.FileSystemTestSupport.csvOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.SupportsOverwrite;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import io.sluice.types.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** INSERT OVERWRITE through {@link SupportsOverwrite}: the last finishing writer replaces the directory's files. */
class OverwriteSinkTest {
    private static final RowType T = new RowType(List.of("id"), List.of(LogicalType.integer()));

    @TempDir
    Path dir;
    private RootAllocator allocator;
    private FileSystemTestSupport fs;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        fs = new FileSystemTestSupport(allocator);
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private List<Integer> ids(Map<String, String> options) throws Exception {
        List<Integer> ids = new ArrayList<>();
        for (Row r : fs.read(T, options)) {
            ids.add((Integer) r.getField(0));
        }
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    private DynamicTableSink overwritingSink(Map<String, String> options) {
        DynamicTableSink sink = new FileSystemTableFactory()
                .createDynamicTableSink(FileSystemTestSupport.context(T, options));
        assertInstanceOf(SupportsOverwrite.class, sink);
        ((SupportsOverwrite) sink).applyOverwrite(true);
        return sink;
    }

    private SinkWriter openWriter(DynamicTableSink sink, int subtask, int parallelism, int... ids) throws Exception {
        SinkWriter w = sink.createWriter(new WriterContext(T, allocator, new Configuration(), subtask, parallelism));
        w.open();
        List<Row> rows = new ArrayList<>();
        for (int id : ids) {
            rows.add(Row.of(id));
        }
        try (RowBatch batch = fs.batch(T, rows)) {
            w.write(batch);
        }
        return w;
    }

    @Test
    void lastFinishingWriterReplacesTheContent() throws Exception {
        Map<String, String> options = csvOptions(dir.resolve("t"));
        fs.write(T, options, List.of(Row.of(1), Row.of(2)));
        fs.write(T, options, List.of(Row.of(3)));
        Files.createDirectories(dir.resolve("t").resolve("sub"));
        Files.writeString(dir.resolve("t").resolve("sub").resolve("old.csv"), "4\n");
        assertEquals(List.of(1, 2, 3, 4), ids(options));

        DynamicTableSink sink = overwritingSink(options);
        try (SinkWriter a = openWriter(sink, 0, 2, 10, 11); SinkWriter b = openWriter(sink, 1, 2, 12)) {
            a.finish();
            assertEquals(List.of(1, 2, 3, 4), ids(options), "nothing changes before every writer finished");
            b.finish();
        }
        assertEquals(List.of(10, 11, 12), ids(options));
    }

    @Test
    void emptyResultEmptiesTheTable() throws Exception {
        Map<String, String> options = csvOptions(dir.resolve("t"));
        fs.write(T, options, List.of(Row.of(1)));
        DynamicTableSink sink = overwritingSink(options);
        try (SinkWriter w = sink.createWriter(new WriterContext(T, allocator, new Configuration(), 0, 1))) {
            w.open();
            w.finish();
        }
        assertEquals(List.of(), ids(options));
    }

    @Test
    void failedJobKeepsTheOldContentAndARetrySucceeds() throws Exception {
        Map<String, String> options = csvOptions(dir.resolve("t"));
        fs.write(T, options, List.of(Row.of(1), Row.of(2)));
        DynamicTableSink sink = overwritingSink(options);
        SinkWriter a = openWriter(sink, 0, 2, 10);
        SinkWriter b = openWriter(sink, 1, 2, 11);
        a.finish();
        a.close();
        b.close(); // fails before finishing
        assertEquals(List.of(1, 2), ids(options));
        try (var files = Files.list(dir.resolve("t"))) {
            assertEquals(1, files.count(), "only the old part file: staged files of the failed attempt are deleted");
        }

        try (SinkWriter a2 = openWriter(sink, 0, 2, 20); SinkWriter b2 = openWriter(sink, 1, 2, 21)) {
            b2.finish();
            a2.finish();
        }
        assertEquals(List.of(20, 21), ids(options));
    }

    @Test
    void checkpointOfAnOverwritingWriterIsRejected() throws Exception {
        DynamicTableSink sink = overwritingSink(csvOptions(dir.resolve("t")));
        try (SinkWriter w = openWriter(sink, 0, 1, 1)) {
            TableException e = assertThrows(TableException.class, () -> w.snapshotState(1));
            assertEquals("INSERT OVERWRITE is not supported in streaming mode.", e.getMessage());
        }
    }
}
