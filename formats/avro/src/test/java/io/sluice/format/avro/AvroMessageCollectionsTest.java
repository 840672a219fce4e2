package io.sluice.format.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.connector.filesystem.format.SingleMessageDecoder;
import io.sluice.connector.filesystem.format.SingleMessageEncoder;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.Row;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * ARRAY, MAP, MULTISET and ROW columns in Avro messages (the Kafka side of the format), in the binary and the json
 * encoding: encoded rows decode to the same values.
 */
class AvroMessageCollectionsTest {
    private static final RowType TYPE = new RowType(List.of("id", "tags", "attrs", "words", "owner"),
            List.of(LogicalType.integer(), LogicalType.array(LogicalType.string()),
                    LogicalType.map(LogicalType.string(), LogicalType.array(LogicalType.timestamp(6))),
                    LogicalType.multiset(LogicalType.string()),
                    LogicalType.row(List.of("name", "nums"), List.of(LogicalType.string(),
                            LogicalType.array(LogicalType.bigint().notNull())))));

    @Test
    void nestedValuesRoundTripInBothEncodings() throws Exception {
        Map<String, LocalDateTime[]> attrs = new LinkedHashMap<>();
        attrs.put("seen", new LocalDateTime[] {LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000), null});
        attrs.put("none", null);
        Map<String, Integer> words = new LinkedHashMap<>();
        words.put("a", 2);
        List<Row> rows = List.of(
                Row.of(1, new String[] {"x", null}, attrs, words, Row.of("ann", new Long[] {1L, 2L})),
                Row.of(2, null, null, null, null),
                Row.of(3, new String[0], new LinkedHashMap<>(), new LinkedHashMap<>(), Row.of(null, new Long[0])));
        for (String encoding : List.of("binary", "json")) {
            TableContext context = new TableContext("default_catalog.default_database.t", TYPE,
                    Map.of("connector", "kafka", "format", "avro", "avro.encoding", encoding), new Configuration());
            AvroFormatFactory factory = new AvroFormatFactory();
            SingleMessageEncoder encoder = factory.createMessageEncoder(context);
            SingleMessageDecoder decoder = factory.createMessageDecoder(context, new int[] {0, 1, 2, 3, 4});
            try (RootAllocator allocator = new RootAllocator();
                    RowBatch in = RowBatch.allocate(TYPE, allocator, rows.size());
                    RowBatch out = RowBatch.allocate(TYPE, allocator, rows.size())) {
                for (int r = 0; r < rows.size(); r++) {
                    for (int c = 0; c < TYPE.size(); c++) {
                        VectorValues.set(TYPE.type(c), in.vector(c), r, rows.get(r).getField(c));
                    }
                }
                in.setRowCount(rows.size());
                byte[][] messages = encoder.encode(in);
                if (encoding.equals("json")) {
                    assertEquals("{\"id\":{\"int\":2},\"tags\":null,\"attrs\":null,\"words\":null,\"owner\":null}",
                            new String(messages[1], StandardCharsets.UTF_8));
                }
                for (int r = 0; r < messages.length; r++) {
                    decoder.decode(messages[r], out, "message " + r);
                }
                for (int r = 0; r < rows.size(); r++) {
                    for (int c = 0; c < TYPE.size(); c++) {
                        Object expected = rows.get(r).getField(c);
                        Object actual = VectorValues.get(TYPE.type(c), out.vector(c), r);
                        assertEquals(text(expected), text(actual), encoding + " row " + r + " column " + c);
                    }
                }
            }
        }
    }

    /** Comparable text of a value holding arrays (whose equals is identity). */
    private static String text(Object value) {
        if (value instanceof Object[]) {
            StringBuilder sb = new StringBuilder("[");
            for (Object e : (Object[]) value) {
                sb.append(text(e)).append(',');
            }
            return sb.append(']').toString();
        }
        if (value instanceof Map) {
            StringBuilder sb = new StringBuilder("{");
            ((Map<?, ?>) value).forEach((k, v) -> sb.append(k).append('=').append(text(v)).append(','));
            return sb.append('}').toString();
        }
        if (value instanceof Row) {
            Row row = (Row) value;
            StringBuilder sb = new StringBuilder("(");
            for (int f = 0; f < row.getArity(); f++) {
                sb.append(text(row.getField(f))).append(',');
            }
            return sb.append(')').toString();
        }
        return String.valueOf(value);
    }
}
