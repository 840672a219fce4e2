package io.sluice.benchmarks.tpch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB through its JDBC driver (which must be on the class path; the benchmark has no compile-time
 * dependency on it), in memory, with a fixed number of threads. The tables are views over the same
 * {@code |}-delimited files Sluice reads ({@code read_csv} with the declared column types), and
 * {@link #load} copies them into DuckDB's own tables in schema {@code mem}; {@link #useMemoryTables}
 * switches the queries between the two.
 */
final class DuckDbEngine implements TpchEngine {
    private static final Pattern COLUMN = Pattern.compile("(\\w+) (DECIMAL\\(\\d+, \\d+\\)|\\w+)");

    private final Connection connection;
    private final double scaleFactor;
    private String name = "duckdb-csv";

    DuckDbEngine(Path dataDir, double scaleFactor, int threads, String memoryLimit) throws SQLException {
        this.scaleFactor = scaleFactor;
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = connection.createStatement()) {
            s.execute("SET threads = " + threads);
            s.execute("SET memory_limit = '" + memoryLimit + "'");
            s.execute("SET preserve_insertion_order = false");
            // what does not fit in memory_limit is spilled beside the data, not into the working directory
            s.execute("SET temp_directory = '" + dataDir.resolve("duckdb-spill") + "'");
            for (TpchTable t : TpchTable.values()) {
                s.execute("CREATE VIEW main." + t.tableName() + " AS SELECT * FROM read_csv('"
                    + dataDir.resolve(t.tableName()).resolve("*.tbl") + "', delim = '|', header = false, quote = '',"
                    + " escape = '', columns = " + columns(t) + ")");
            }
        }
    }

    /** The version of the DuckDB library. */
    String version() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT version()")) {
            r.next();
            return r.getString(1);
        }
    }

    private static String columns(TpchTable t) {
        StringBuilder out = new StringBuilder("{");
        Matcher m = COLUMN.matcher(t.columns());
        while (m.find()) {
            String type = m.group(2).replace("STRING", "VARCHAR").replace("INT", "INTEGER")
                .replace("BIGINTEGER", "BIGINT").replace(", ", ",");
            out.append(out.length() > 1 ? ", " : "").append('\'').append(m.group(1)).append("': '").append(type)
                .append('\'');
        }
        return out.append('}').toString();
    }

    /** Copies every table from the files into schema {@code mem}; returns the seconds it took. */
    double load() throws SQLException {
        long start = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS mem");
            for (TpchTable t : TpchTable.values()) {
                s.execute("CREATE OR REPLACE TABLE mem." + t.tableName() + " AS SELECT * FROM main." + t.tableName());
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Whether the queries read the tables copied by {@link #load} or the files. */
    void useMemoryTables(boolean memory) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET schema = '" + (memory ? "mem" : "main") + "'");
        }
        name = memory ? "duckdb-mem" : "duckdb-csv";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<List<Object>> run(String query) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
            ResultSet r = s.executeQuery(TpchQueries.duckdb(query, scaleFactor))) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int c = 1; c <= columns; c++) {
                    row.add(ResultCheck.normalize(r.getObject(c)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (sf %s)", name, scaleFactor);
    }
}
