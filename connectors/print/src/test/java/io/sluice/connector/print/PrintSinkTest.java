package io.sluice.connector.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.DynamicTableSinkFactory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import io.sluice.types.RowKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.TinyIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrintSinkTest {
    private static final RowType T = new RowType(List.of("id", "name", "ts"),
            List.of(LogicalType.integer(), LogicalType.string(), LogicalType.timestamp(3)));
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private RootAllocator allocator;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        allocator.close();
    }

    private String print(Map<String, String> options, int subtask, int parallelism) throws Exception {
        DynamicTableSink sink = new PrintTableSinkFactory()
                .createDynamicTableSink(new TableContext("t", T, options, new Configuration()));
        try (SinkWriter writer = sink.createWriter(new WriterContext(T, allocator, new Configuration(), subtask, parallelism));
                RowBatch batch = RowBatch.allocate(T, allocator, 2)) {
            writer.open();
            VectorValues.set(T.type(0), batch.vector(0), 0, 1);
            VectorValues.set(T.type(1), batch.vector(1), 0, "abc");
            VectorValues.set(T.type(2), batch.vector(2), 0, LocalDateTime.of(2024, 1, 1, 10, 0));
            VectorValues.set(T.type(0), batch.vector(0), 1, 2);
            VectorValues.set(T.type(1), batch.vector(1), 1, null);
            VectorValues.set(T.type(2), batch.vector(2), 1, null);
            TinyIntVector kinds = new TinyIntVector("kind", allocator);
            kinds.allocateNew(2);
            kinds.set(0, RowKind.INSERT.toByteValue());
            kinds.set(1, RowKind.UPDATE_BEFORE.toByteValue());
            batch.setRowKinds(kinds);
            batch.setRowCount(2);
            writer.write(batch);
            writer.finish();
        }
        return options.containsKey("standard-error") ? err.toString(StandardCharsets.UTF_8) : out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsRowsWithTheirKind() throws Exception {
        String nl = System.lineSeparator();
        assertEquals("+I[1, abc, 2024-01-01T10:00]" + nl + "-U[2, null, null]" + nl,
                print(Map.of("connector", "print"), 0, 1));
    }

    @Test
    void identifierPrefixAndStandardError() throws Exception {
        String nl = System.lineSeparator();
        assertEquals("sink> +I[1, abc, 2024-01-01T10:00]" + nl + "sink> -U[2, null, null]" + nl,
                print(Map.of("connector", "print", "print-identifier", "sink", "standard-error", "true"), 0, 1));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void parallelPrefixLikeFlink() {
        assertEquals("id:3> ", PrintTableSink.linePrefix("id", 2, 4));
        assertEquals("3> ", PrintTableSink.linePrefix(null, 2, 4));
        assertEquals("", PrintTableSink.linePrefix(null, 0, 1));
        assertEquals("id> ", PrintTableSink.linePrefix("id", 0, 1));
    }

    @Test
    void acceptsEveryRowKindAndValidatesOptions() {
        ClassLoader cl = getClass().getClassLoader();
        DynamicTableSinkFactory f = FactoryUtil.discover(DynamicTableSinkFactory.class, "print", cl);
        DynamicTableSink sink = f.createDynamicTableSink(new TableContext("t", T, Map.of("connector", "print"),
                new Configuration()));
        assertEquals(ChangelogMode.all(), sink.getChangelogMode(ChangelogMode.all()));
        ValidationException e = assertThrows(ValidationException.class, () -> f.createDynamicTableSink(
                new TableContext("t", T, Map.of("connector", "print", "print-identifer", "x"), new Configuration())));
        assertTrue(e.getMessage().contains("Did you mean 'print-identifier'"), e.getMessage());
    }
}
