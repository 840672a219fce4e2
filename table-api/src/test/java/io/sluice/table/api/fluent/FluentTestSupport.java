package io.sluice.table.api.fluent;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test tables for the Table API tests: Flink's documentation names ("Orders" with columns a, b, c, rowtime). */
final class FluentTestSupport {
    private FluentTestSupport() {
    }

    static final String ORDERS = "alice,10,red apple,2024-01-01 10:01:00\n"
            + "bob,20,blue sky,2024-01-01 10:07:00\n"
            + "alice,30,red wine,2024-01-01 10:12:00\n"
            + "carol,40,green tea,2024-01-01 10:14:00\n"
            + "bob,50,red car,2024-01-01 10:21:00\n";

    static TableEnvironment batch(Path dir) throws Exception {
        return withOrders(TableEnvironment.create(EnvironmentSettings.inBatchMode()), dir);
    }

    static TableEnvironment streaming(Path dir) throws Exception {
        return withOrders(TableEnvironment.create(EnvironmentSettings.inStreamingMode()), dir);
    }

    private static TableEnvironment withOrders(TableEnvironment env, Path dir) throws Exception {
        Path in = dir.resolve("orders.csv");
        Files.writeString(in, ORDERS, StandardCharsets.UTF_8);
        env.executeSql("CREATE TABLE Orders (a STRING, b INT, c STRING, rowtime TIMESTAMP(3),"
                + " WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND)"
                + " WITH ('connector' = 'filesystem', 'path' = '" + in + "', 'format' = 'csv')");
        return env;
    }

    /** The rows of a table, sorted, as {@code +I[..]} strings. */
    static List<String> rows(Table table) throws Exception {
        List<String> out = unsorted(table);
        out.sort(null);
        return out;
    }

    /** The rows of a table in the order they arrive. */
    static List<String> unsorted(Table table) throws Exception {
        List<String> out = new ArrayList<>();
        try (CloseableIterator<Row> it = table.execute().collect()) {
            while (it.hasNext()) {
                out.add(it.next().toString());
            }
        }
        return out;
    }
}
