package io.sluice.benchmarks.tpch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The 22 TPC-H queries with the specification's validation parameters, in Flink SQL (resources
 * {@code tpch/q1.sql} to {@code tpch/q22.sql}), and their rendering for DuckDB.
 */
public final class TpchQueries {
    private TpchQueries() {
    }

    /** All query names, {@code q1} to {@code q22}. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 22; i++) {
            names.add("q" + i);
        }
        return names;
    }

    /**
     * The text of query {@code name} (e.g. {@code q11}) at scale factor {@code scaleFactor}, in Flink SQL: q11's
     * fraction is 0.0001 / SF.
     */
    public static String flink(String name, double scaleFactor) {
        String resource = "/tpch/" + name + ".sql";
        try (InputStream in = TpchQueries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("unknown TPC-H query: " + name + " (q1 to q22)");
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            BigDecimal fraction = new BigDecimal("0.0001").divide(BigDecimal.valueOf(scaleFactor),
                java.math.MathContext.DECIMAL64);
            return sql.replace("${FRACTION}", fraction.stripTrailingZeros().toPlainString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same query for DuckDB: interval literals without Flink's leading-field precision ({@code DAY(3)}). */
    public static String duckdb(String name, double scaleFactor) {
        return flink(name, scaleFactor).replaceAll("DAY\\(\\d\\)", "DAY");
    }
}
