package io.sluice.connector.filesystem.format.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.connector.filesystem.FileSystemTestSupport;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The changelog decoder at batch boundaries: an event's rows stay in one batch, projections, skipped events. */
class ChangelogJsonDecoderTest {
    private static final RowType TYPE = new RowType(List.of("id", "name"),
            List.of(LogicalType.integer(), LogicalType.string()));

    @TempDir
    Path dir;
    private final BufferAllocator allocator = new RootAllocator();
    private final FileSystemTestSupport support = new FileSystemTestSupport(allocator);

    @AfterEach
    void close() {
        allocator.close();
    }

    private Map<String, String> canal(Path file, String... extra) {
        Map<String, String> options = FileSystemTestSupport.csvOptions(file, extra);
        options.put("format", "canal-json");
        return options;
    }

    private static List<String> strings(List<Row> rows) {
        return rows.stream().map(Row::toString).toList();
    }

    @Test
    void theRowsOfOneEventAreNeverSplitBetweenBatches() throws Exception {
        Path file = dir.resolve("events.json");
        Files.writeString(file, "{\"data\":[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"},{\"id\":3,\"name\":\"c\"}],"
                + "\"type\":\"INSERT\"}\n"
                + "{\"data\":[{\"id\":1,\"name\":\"z\"}],\"old\":[{\"name\":\"a\"}],\"type\":\"UPDATE\"}\n"
                + "{\"data\":[{\"id\":2,\"name\":\"b\"}],\"type\":\"DELETE\"}");
        List<Row> rows = support.read(TYPE, canal(file), new int[] {0, 1}, 2);
        assertEquals(List.of("+I[1, a]", "+I[2, b]", "+I[3, c]", "-U[1, a]", "+U[1, z]", "-D[2, b]"), strings(rows));
        assertEquals(List.of(3, 2, 1), support.batchSizes);
        assertEquals(List.of("+I[a]", "+I[b]", "+I[c]", "-U[a]", "+U[z]", "-D[b]"),
                strings(support.read(TYPE, canal(file), new int[] {1}, 4)));
        assertEquals(List.of(5, 1), support.batchSizes);
    }

    @Test
    void malformedEventsAreSkippedAndCounted() throws Exception {
        Path file = dir.resolve("events.json");
        Files.writeString(file, "{\"data\":[{\"id\":1}],\"type\":\"INSERT\"}\n[1, 2]\n{\"type\":\"UPSERT\",\"data\":[]}\n"
                + "{\"data\":[{\"id\":2}],\"type\":\"UPDATE\"}\n{\"data\":[{\"id\":4}],\"type\":\"INSERT\"}\n");
        List<Row> rows = support.read(TYPE, canal(file, "canal-json.ignore-parse-errors", "true"), new int[] {0, 1},
                100);
        assertEquals(List.of("+I[1, null]", "+I[4, null]"), strings(rows));
        assertEquals(3, support.skipped);
    }
}
