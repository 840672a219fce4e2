package io.sluice.connector.blackhole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.DynamicTableSinkFactory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.ValidationException;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

class BlackHoleSinkTest {
    private static final RowType T = new RowType(List.of("id"), List.of(LogicalType.bigint()));

    @Test
    void discardsEverythingAndAcceptsEveryRowKindButUpdateBefore() throws Exception {
        DynamicTableSinkFactory f = FactoryUtil.discover(DynamicTableSinkFactory.class, "blackhole",
                getClass().getClassLoader());
        DynamicTableSink sink = f.createDynamicTableSink(new TableContext("t", T, Map.of("connector", "blackhole"),
                new Configuration()));
        // like Flink's blackhole: updates are taken in upsert mode, so producers leave out -U rows
        assertEquals(ChangelogMode.upsert(), sink.getChangelogMode(ChangelogMode.all()));
        assertEquals(ChangelogMode.upsert(), sink.getChangelogMode(ChangelogMode.upsert()));
        try (RootAllocator allocator = new RootAllocator();
                BlackHoleSinkWriter writer = (BlackHoleSinkWriter) sink.createWriter(
                        new WriterContext(T, allocator, new Configuration(), 0, 1))) {
            writer.open();
            try (RowBatch batch = RowBatch.allocate(T, allocator, 10)) {
                batch.setRowCount(10);
                writer.write(batch);
            }
            writer.finish();
            assertEquals(10, writer.rowsDiscarded());
        }
    }

    @Test
    void rejectsOptions() {
        ValidationException e = assertThrows(ValidationException.class, () -> new BlackHoleTableSinkFactory()
                .createDynamicTableSink(new TableContext("t", T, Map.of("connector", "blackhole", "path", "/x"),
                        new Configuration())));
        assertTrue(e.getMessage().startsWith("Unsupported options found for 'blackhole'.\n\nUnsupported options:\n\npath\n"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Unsupported option 'path' for connector 'blackhole'"), e.getMessage());
    }
}
