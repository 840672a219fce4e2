package io.sluice.connector.jdbc;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.types.Row;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** Shared helpers of the jdbc tests: environments, WITH clauses and collected results. */
final class JdbcTestSupport {
    private JdbcTestSupport() {
    }

    static TableEnvironment streaming() {
        return TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    }

    static TableEnvironment batch() {
        return TableEnvironment.create(EnvironmentSettings.inBatchMode());
    }

    /** {@code 'connector' = 'jdbc', 'url' = ..., 'table-name' = table} plus extra options (already quoted). */
    static String with(String table, String... extra) {
        StringBuilder sb = new StringBuilder("WITH ('connector' = 'jdbc', 'url' = '")
                .append(PostgresCluster.get().jdbcUrl()).append("', 'table-name' = '").append(table)
                .append("', 'username' = 'postgres'");
        for (String e : extra) {
            sb.append(", ").append(e);
        }
        return sb.append(')').toString();
    }

    /** Every row of a query's result as Row.toString(), sorted. */
    static List<String> sortedRows(TableEnvironment env, String query) throws Exception {
        List<String> rows = rows(env.executeSql(query));
        Collections.sort(rows);
        return rows;
    }

    static List<String> rows(TableResult result) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var it = result.collect()) {
            Iterator<Row> i = it;
            while (i.hasNext()) {
                rows.add(i.next().toString());
            }
        }
        return rows;
    }
}
