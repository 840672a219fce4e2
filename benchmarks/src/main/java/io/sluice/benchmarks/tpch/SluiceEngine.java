package io.sluice.benchmarks.tpch;

import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.TableEnvironment;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sluice in batch mode through {@link TableEnvironment}: each table is a {@code filesystem} table over
 * its directory of {@code |}-delimited files (format {@code csv}), and each query is planned and run
 * anew ({@code executeSql} and collecting every row).
 */
final class SluiceEngine implements TpchEngine {
    private final TableEnvironment env;
    private final double scaleFactor;
    private volatile CloseableIterator<Row> running;

    SluiceEngine(Path dataDir, double scaleFactor, int parallelism) {
        this.scaleFactor = scaleFactor;
        env = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        env.getConfig().set("parallelism.default", Integer.toString(parallelism));
        for (String ddl : ddl(dataDir)) {
            env.executeSql(ddl);
        }
    }

    /** The {@code CREATE TABLE} statements of the eight tables over the files under {@code dataDir}. */
    static List<String> ddl(Path dataDir) {
        List<String> statements = new ArrayList<>();
        for (TpchTable t : TpchTable.values()) {
            statements.add("CREATE TABLE " + t.tableName() + " (" + t.columns() + ") WITH ('connector' = 'filesystem',"
                + " 'path' = '" + dataDir.resolve(t.tableName()) + "', 'format' = 'csv',"
                + " 'csv.field-delimiter' = '|')");
        }
        return statements;
    }

    @Override
    public String name() {
        return "sluice";
    }

    @Override
    public List<List<Object>> run(String query) throws Exception {
        return query(TpchQueries.flink(query, scaleFactor));
    }

    /** Runs the statement {@code sql} and returns its rows, cells {@link ResultCheck#normalize normalized}. */
    List<List<Object>> query(String sql) {
        List<List<Object>> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            running = it;
            while (it.hasNext()) {
                Row r = it.next();
                List<Object> row = new ArrayList<>(r.getArity());
                for (int c = 0; c < r.getArity(); c++) {
                    row.add(ResultCheck.normalize(r.getField(c)));
                }
                rows.add(row);
            }
        }
        running = null;
        return rows;
    }

    /** Stops the query running now (if any) by closing its result, which cancels its job. */
    void cancel() {
        CloseableIterator<Row> it = running;
        if (it != null) {
            it.close();
        }
    }

    @Override
    public void close() {
        cancel();
    }
}
