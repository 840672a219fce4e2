package io.sluice.runtime.operator.values;

import static io.sluice.runtime.operator.sort.OperatorTestSupport.row;
import static io.sluice.runtime.operator.sort.OperatorTestSupport.rowType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.operator.sort.OperatorTestSupport;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ValuesSourceTest {
    private final RootAllocator allocator = new RootAllocator();
    private final RowType type = rowType("id", LogicalType.integer(), "name", LogicalType.string(),
            "price", LogicalType.decimal(10, 2), "day", LogicalType.date(), "ts", LogicalType.timestamp(3));
    private final List<Object[]> rows = List.of(
            row(1, "a", new BigDecimal("1.50"), LocalDate.of(2024, 1, 1), LocalDateTime.of(2024, 1, 1, 12, 0)),
            row(2, null, null, null, null),
            row(3, "c", new BigDecimal("-2.25"), LocalDate.of(1999, 12, 31), LocalDateTime.of(1970, 1, 1, 0, 0)));

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private OperatorTestSupport.Collector read(int[] fields, int batchSize, int subtask, int parallelism)
            throws Exception {
        ValuesSource source = new ValuesSource(type, rows);
        assertTrue(source.isBounded());
        Configuration config = new Configuration().set(ExecutionOptions.BATCH_SIZE, batchSize);
        ReaderContext ctx = new ReaderContext(fields, type.project(fields), allocator, config, subtask, parallelism);
        OperatorTestSupport.Collector out = new OperatorTestSupport.Collector();
        try (SourceReader reader = source.createReader(ctx)) {
            reader.open();
            int polls = 0;
            while (reader.pollNext(out) != ReadStatus.END_OF_INPUT) {
                assertTrue(++polls < 100, "reader never ends");
            }
        }
        return out;
    }

    @Test
    void emitsAllRowsInBatchesOfAtMostBatchSize() throws Exception {
        var out = read(new int[] {0, 1, 2, 3, 4}, 2, 0, 1);
        assertEquals(List.of(2, 1), out.batchSizes);
        assertEquals(List.of(1, "a", new BigDecimal("1.50"), LocalDate.of(2024, 1, 1),
                LocalDateTime.of(2024, 1, 1, 12, 0)), out.rows.get(0));
        assertEquals(Arrays.asList(2, null, null, null, null), out.rows.get(1));
        assertEquals(new BigDecimal("-2.25"), out.rows.get(2).get(2));
    }

    @Test
    void producesOnlyTheProjectedFieldsInProjectionOrder() throws Exception {
        var out = read(new int[] {3, 0}, 10, 0, 1);
        assertEquals(List.of(type.project(new int[] {3, 0})), out.batchTypes);
        List<List<Object>> expected = new ArrayList<>();
        expected.add(List.of(LocalDate.of(2024, 1, 1), 1));
        expected.add(Arrays.asList(null, 2));
        expected.add(List.of(LocalDate.of(1999, 12, 31), 3));
        assertEquals(expected, out.rows);
    }

    @Test
    void onlyTheFirstSubtaskEmitsRows() throws Exception {
        assertTrue(read(new int[] {0}, 10, 1, 2).rows.isEmpty());
        assertEquals(3, read(new int[] {0}, 10, 0, 2).rows.size());
    }

    @Test
    void emptyValuesEndAtOnce() throws Exception {
        ValuesSource source = new ValuesSource(type, List.of());
        ReaderContext ctx = new ReaderContext(new int[] {0}, type.project(new int[] {0}), allocator,
                new Configuration(), 0, 1);
        OperatorTestSupport.Collector out = new OperatorTestSupport.Collector();
        try (SourceReader reader = source.createReader(ctx)) {
            reader.open();
            assertEquals(ReadStatus.END_OF_INPUT, reader.pollNext(out));
        }
        assertTrue(out.rows.isEmpty());
        assertEquals("values(rows=0)", source.describe());
    }

    @Test
    void aRestoredReaderContinuesAfterTheRowsItHadEmitted() throws Exception {
        ValuesSource source = new ValuesSource(type, rows);
        Configuration config = new Configuration().set(ExecutionOptions.BATCH_SIZE, 2);
        int[] fields = {0, 1};
        byte[] position;
        OperatorTestSupport.Collector out = new OperatorTestSupport.Collector();
        try (SourceReader reader = source.createReader(
                new ReaderContext(fields, type.project(fields), allocator, config, 0, 1))) {
            reader.open();
            assertEquals(0, java.nio.ByteBuffer.wrap(reader.snapshotPosition()).getInt());
            assertEquals(ReadStatus.MORE_AVAILABLE, reader.pollNext(out));
            position = reader.snapshotPosition();
        }
        try (SourceReader reader = source.createReader(
                new ReaderContext(fields, type.project(fields), allocator, config, 0, 1))) {
            reader.restorePosition(position);
            reader.open();
            assertEquals(ReadStatus.END_OF_INPUT, reader.pollNext(out));
        }
        assertEquals(List.of(1, 2, 3), out.column(0));
        assertEquals(List.of(2, 1), out.batchSizes);
        try (SourceReader reader = source.createReader(
                new ReaderContext(fields, type.project(fields), allocator, config, 0, 1))) {
            io.sluice.table.api.TableException e = org.junit.jupiter.api.Assertions.assertThrows(
                    io.sluice.table.api.TableException.class,
                    () -> reader.restorePosition(java.nio.ByteBuffer.allocate(4).putInt(9).array()));
            assertTrue(e.getMessage().contains("row 9 of 3"), e.getMessage());
        }
    }
}
