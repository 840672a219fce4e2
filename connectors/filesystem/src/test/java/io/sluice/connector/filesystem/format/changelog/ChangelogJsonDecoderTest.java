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

    /** The rows of {@code events} decoded by {@code format} with the metadata {@code keys} after the columns. */
    private List<String> withMetadata(ChangelogJsonFormatFactory format, String events, List<String> keys)
            throws Exception {
        Map<String, String> options = FileSystemTestSupport.csvOptions(dir);
        options.put("format", format.factoryIdentifier());
        var factory = format.createDecoderFactory(FileSystemTestSupport.context(TYPE, options));
        List<String> names = new java.util.ArrayList<>(TYPE.names());
        List<LogicalType> types = new java.util.ArrayList<>(TYPE.types());
        for (String key : keys) {
            names.add(key);
            types.add(factory.readableMetadata().get(key));
        }
        RowType full = new RowType(names, types);
        List<String> out = new java.util.ArrayList<>();
        try (var decoder = factory.createDecoder(new java.io.ByteArrayInputStream(events.getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)), "events.json", TYPE, new int[] {0, 1}, keys);
                var batch = io.sluice.runtime.data.RowBatch.allocate(full, allocator, 16)) {
            decoder.decode(batch, 16);
            for (int r = 0; r < batch.rowCount(); r++) {
                StringBuilder sb = new StringBuilder();
                for (int c = 0; c < full.size(); c++) {
                    Object v = io.sluice.runtime.data.VectorValues.get(full.type(c), batch.vector(c), r);
                    sb.append(c == 0 ? "" : "|").append(v instanceof Object[] ? java.util.Arrays.toString((Object[]) v)
                            : String.valueOf(v));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    @Test
    void collectionMetadataOfTheThreeFormats() throws Exception {
        assertEquals(List.of("1|a|[id]|{id=4, name=12}", "2|b|[id]|{id=4, name=12}", "3|c|null|null"),
                withMetadata(new CanalJsonFormatFactory(),
                        "{\"data\":[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}],\"type\":\"INSERT\","
                                + "\"pkNames\":[\"id\"],\"sqlType\":{\"id\":4,\"name\":12}}\n"
                                + "{\"data\":[{\"id\":3,\"name\":\"c\"}],\"type\":\"INSERT\"}\n",
                        List.of("pk-names", "sql-type")));
        assertEquals(List.of("1|a|[id, name]", "2|b|null"), withMetadata(new MaxwellJsonFormatFactory(),
                "{\"data\":{\"id\":1,\"name\":\"a\"},\"type\":\"insert\",\"primary_key_columns\":[\"id\",\"name\"]}\n"
                        + "{\"data\":{\"id\":2,\"name\":\"b\"},\"type\":\"insert\"}\n",
                List.of("primary-key-columns")));
        assertEquals(List.of("1|a|{db=inventory, ts_ms=1589362330000, snapshot=false, sequence=null, extra={\"k\":1}}"),
                withMetadata(new DebeziumJsonFormatFactory(),
                        "{\"before\":null,\"after\":{\"id\":1,\"name\":\"a\"},\"op\":\"c\",\"source\":{\"db\":"
                                + "\"inventory\",\"ts_ms\":1589362330000,\"snapshot\":false,\"sequence\":null,"
                                + "\"extra\":{\"k\":1}}}\n",
                        List.of("source.properties")));
    }
}
