package io.sluice.table.api.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.streaming.api.datastream.DataStream;
import io.sluice.streaming.api.environment.StreamExecutionEnvironment;
import io.sluice.table.api.DataTypes;
import io.sluice.table.api.Table;
import io.sluice.table.api.ValidationException;
import io.sluice.table.api.bridge.java.StreamTableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code toDataStream(table, DataTypes.STRUCTURED(User.class, FIELD(...), ...))} as in Flink's "DataStream API
 * Integration" page: columns matched to the fields by name, cast to the fields' types, records of the class; nested
 * POJO fields; a ROW target type gives Rows.
 */
class StructuredTypeTest {

    /** Flink's example type. */
    public static class User {
        public String name;
        public Integer score;
        public Instant event_time;

        @Override
        public String toString() {
            return name + " " + score + " " + event_time;
        }
    }

    /** A POJO nested in {@link Customer}. */
    public static class Address {
        public String city;
        public int zip;
    }

    /** A POJO with a nested POJO field. */
    public static class Customer {
        public String name;
        public long visits;
        public Address address;

        @Override
        public String toString() {
            return name + " " + visits + " " + address.city + " " + address.zip;
        }
    }

    private static <T> List<String> collect(DataStream<T> stream) throws Exception {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<T> it = stream.executeAndCollect()) {
            it.forEachRemaining(v -> out.add(String.valueOf(v)));
        }
        out.sort(null);
        return out;
    }

    @Test
    void flinksUserExample() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table table = tableEnv.sqlQuery("SELECT name, score, TO_TIMESTAMP_LTZ(ts, 3) AS event_time FROM (VALUES "
                + "('Alice', 12, 1000), ('Bob', 10, 1001), ('Alice', 100, 1002)) AS t(name, score, ts)");
        DataStream<User> dataStream = tableEnv.toDataStream(table, DataTypes.STRUCTURED(User.class,
                DataTypes.FIELD("name", DataTypes.STRING()),
                DataTypes.FIELD("score", DataTypes.INT()),
                DataTypes.FIELD("event_time", DataTypes.TIMESTAMP_LTZ(3))));
        assertEquals(List.of("Alice 100 1970-01-01T00:00:01.002Z", "Alice 12 1970-01-01T00:00:01Z",
                "Bob 10 1970-01-01T00:00:01.001Z"), collect(dataStream));
    }

    @Test
    void columnsAreMatchedByNameAndCastToTheFieldTypes() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        // the columns come in another order, visits is an INT column for a BIGINT field, and there is one more
        Table table = tableEnv.sqlQuery("SELECT ROW(city, zip) AS address, visits, name, 'x' AS extra FROM (VALUES "
                + "('Ann', 3, 'Berlin', 10115), ('Bo', 5, 'Oslo', 150)) AS t(name, visits, city, zip)");
        DataStream<Customer> customers = tableEnv.toDataStream(table, DataTypes.STRUCTURED(Customer.class,
                DataTypes.FIELD("name", DataTypes.STRING()),
                DataTypes.FIELD("visits", DataTypes.BIGINT()),
                DataTypes.FIELD("address", DataTypes.STRUCTURED(Address.class,
                        DataTypes.FIELD("city", DataTypes.STRING()),
                        DataTypes.FIELD("zip", DataTypes.INT())))));
        assertEquals(List.of("Ann 3 Berlin 10115", "Bo 5 Oslo 150"), collect(customers));
    }

    @Test
    void aRowTargetGivesRowsOfItsFields() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table table = tableEnv.sqlQuery("SELECT * FROM (VALUES ('a', 1), ('b', 2)) AS t(k, v)");
        DataStream<Row> rows = tableEnv.toDataStream(table, DataTypes.STRUCTURED(Row.class,
                DataTypes.FIELD("v", DataTypes.BIGINT()), DataTypes.FIELD("k", DataTypes.STRING())));
        assertEquals(List.of("+I[1, a]", "+I[2, b]"), collect(rows));
    }

    @Test
    void aFieldWithoutAColumnIsAnError() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Table table = tableEnv.sqlQuery("SELECT * FROM (VALUES ('a', 1)) AS t(name, points)");
        ValidationException e = assertThrows(ValidationException.class, () -> tableEnv.toDataStream(table,
                DataTypes.STRUCTURED(User.class, DataTypes.FIELD("name", DataTypes.STRING()),
                        DataTypes.FIELD("score", DataTypes.INT()))));
        assertTrue(e.getMessage().contains("no column 'score'") && e.getMessage().contains("name, points"),
                e.getMessage());
    }

    @Test
    void aStructuredTypeInASchemaIsTheRowOfItsFields() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        Customer ann = new Customer();
        ann.name = "ann";
        ann.visits = 3;
        ann.address = new Address();
        ann.address.city = "Oslo";
        ann.address.zip = 150;
        Table table = tableEnv.fromDataStream(env.fromData(ann), io.sluice.table.api.Schema.newBuilder()
                .column("name", DataTypes.STRING())
                .column("visits", DataTypes.BIGINT().notNull())
                .column("address", DataTypes.STRUCTURED(Address.class,
                        DataTypes.FIELD("city", DataTypes.STRING()),
                        DataTypes.FIELD("zip", DataTypes.INT().notNull())))
                .build());
        assertEquals(List.of("city", "zip"), table.getResolvedSchema().getColumn("address").get().getDataType()
                .getLogicalType().fieldNames());
        assertEquals(List.of("ann 3 Oslo 150"), collect(tableEnv.toDataStream(table, Customer.class)));
        Table cities = tableEnv.fromValues(DataTypes.ROW(DataTypes.FIELD("address",
                DataTypes.STRUCTURED(Address.class, DataTypes.FIELD("city", DataTypes.STRING()),
                        DataTypes.FIELD("zip", DataTypes.INT())))),
                io.sluice.table.api.Expressions.row(io.sluice.table.api.Expressions.row("Rome", 100)));
        assertEquals(List.of("+I[Rome]"), collect(tableEnv.toChangelogStream(cities.select(
                io.sluice.table.api.Expressions.$("address").get("city")))));
    }
}
