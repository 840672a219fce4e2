package io.sluice.table.api.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.api.common.typeinfo.Types;
import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.table.api.Table;
import io.sluice.table.api.bridge.java.StreamTableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Nested values between DataStreams and tables: POJOs and Rows holding POJOs/Rows (ROW columns), arrays and lists
 * (ARRAY), maps (MAP), queried with SQL and converted back.
 */
class NestedConversionsTest {

    /** A POJO nested in another. */
    public static class Address {
        public String city;
        public int zip;

        public Address() {
        }

        public Address(String city, int zip) {
            this.city = city;
            this.zip = zip;
        }
    }

    /** A POJO with nested fields of every kind. */
    public static class Order {
        public String id;
        public Address address;
        public List<String> tags;
        public Map<String, Integer> counts;
        public int[] scores;

        public Order() {
        }

        Order(String id, Address address, List<String> tags, Map<String, Integer> counts, int[] scores) {
            this.id = id;
            this.address = address;
            this.tags = tags;
            this.counts = counts;
            this.scores = scores;
        }
    }

    private static Map<String, Integer> counts(String k, int v) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(k, v);
        return m;
    }

    private static List<String> rows(Table table) throws Exception {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = table.execute().collect()) {
            it.forEachRemaining(r -> out.add(r.toString()));
        }
        return out;
    }

    @Test
    void pojosWithNestedPojosListsMapsAndArraysBecomeRowArrayAndMapColumns() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        DataStream<Order> orders = env.fromElements(
                new Order("o1", new Address("Berlin", 10115), List.of("new", "gift"), counts("a", 1), new int[] {7, 8}),
                new Order("o2", new Address("Paris", 75001), List.of("old"), counts("b", 2), new int[] {9}));
        Table table = tableEnv.fromDataStream(orders);
        tableEnv.createTemporaryView("orders", table);
        assertEquals(List.of("+I[o1, Berlin, 10115, new, 2, 1, 8]", "+I[o2, Paris, 75001, old, 1, null, null]"),
                rows(tableEnv.sqlQuery("SELECT id, address.city, address.zip, tags[1], CARDINALITY(tags),"
                        + " counts['a'], scores[2] FROM orders")));

        List<Order> back = tableEnv.toDataStream(table, Order.class).executeAndCollect(10);
        assertEquals(2, back.size());
        Order o1 = back.get(0).id.equals("o1") ? back.get(0) : back.get(1);
        assertEquals("Berlin", o1.address.city);
        assertEquals(10115, o1.address.zip);
        assertEquals(List.of("new", "gift"), o1.tags);
        assertEquals(Map.of("a", 1), o1.counts);
        assertArrayEquals(new int[] {7, 8}, o1.scores);
    }

    @Test
    void rowsWithNestedRowsListsAndMapsRoundTrip() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        DataStream<Row> points = env.fromElements(
                        Row.of("p", Row.of(1, 2), List.of("x", "y"), counts("k", 5)),
                        Row.of("q", Row.of(3, 4), List.of(), counts("k", 6)))
                .returns(Types.ROW_NAMED(new String[] {"name", "point", "labels", "attrs"}, Types.STRING,
                        Types.ROW_NAMED(new String[] {"x", "y"}, Types.INT, Types.INT), Types.LIST(Types.STRING),
                        Types.MAP(Types.STRING, Types.INT)));
        Table table = tableEnv.fromDataStream(points);
        assertEquals(List.of("+I[p, 3, x, 5]", "+I[q, 7, null, 6]"), rows(tableEnv.sqlQuery(
                "SELECT name, point.x + point.y, labels[1], attrs['k'] FROM " + table)));

        List<Row> back = tableEnv.toDataStream(table).executeAndCollect(10);
        Row p = back.get(0).getField(0).equals("p") ? back.get(0) : back.get(1);
        assertTrue(p.getField(1) instanceof Row, String.valueOf(p));
        assertEquals(2, ((Row) p.getField(1)).getField(1));
        assertArrayEquals(new String[] {"x", "y"}, (Object[]) p.getField(2));
        assertEquals(Map.of("k", 5), p.getField(3));
    }

    /** A field of a class that is neither a basic type nor a POJO: a RAW column. */
    public static class WithRaw {
        public String id;
        public UUID ref;

        public WithRaw() {
        }
    }

    @Test
    void rawColumnsAreNotSupportedYet() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        WithRaw w = new WithRaw();
        w.id = "a";
        w.ref = UUID.randomUUID();
        Exception e = assertThrows(UnsupportedOperationException.class,
                () -> tableEnv.fromDataStream(env.fromElements(w)));
        assertTrue(e.getMessage().contains("not supported yet") && e.getMessage().contains("ref"), e.getMessage());
    }
}
