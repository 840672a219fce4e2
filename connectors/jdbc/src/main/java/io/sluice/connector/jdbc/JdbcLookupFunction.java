package io.sluice.connector.jdbc;

import io.sluice.runtime.connector.LookupFunction;
import io.sluice.runtime.types.RowType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks up rows of a jdbc table by key. The distinct keys of a call that are not cached are fetched with
 * {@code SELECT ... WHERE (k1 = ? AND k2 = ?) OR ...}, up to {@value #KEYS_PER_QUERY} keys per query; a failed
 * query is retried up to {@code lookup.max-retries} times on a new connection. With the partial cache, found
 * rows (and, with {@code cache-missing-key}, empty results) are kept per key.
 */
final class JdbcLookupFunction implements LookupFunction {
    static final int KEYS_PER_QUERY = 128;

    private final JdbcConnectionOptions connection;
    private final RowType type;
    private final int[] keyFields;
    private final JdbcLookupOptions options;
    private final LookupCache cache;
    private final Map<Integer, String> sqlByKeyCount = new HashMap<>();
    private Connection conn;

    JdbcLookupFunction(JdbcConnectionOptions connection, RowType type, int[] keyFields, JdbcLookupOptions options) {
        this.connection = connection;
        this.type = type;
        this.keyFields = keyFields.clone();
        this.options = options;
        this.cache = options.cache() ? new LookupCache(options.maxRows(), options.expireAfterWrite(),
                options.expireAfterAccess(), System::nanoTime) : null;
    }

    @Override
    public void open() {
        // connects on first use: a join whose input is empty never connects
    }

    @Override
    public List<List<Object[]>> lookup(List<Object[]> keys) throws Exception {
        List<List<Object[]>> result = new ArrayList<>(keys.size());
        Map<List<Object>, List<Object[]>> found = new HashMap<>();
        Map<List<Object>, Object[]> missing = new LinkedHashMap<>();
        List<List<Object>> normalized = new ArrayList<>(keys.size());
        for (Object[] k : keys) {
            List<Object> key = hasNull(k) || !fits(k) ? null : normalize(k);
            normalized.add(key);
            if (key == null || found.containsKey(key) || missing.containsKey(key)) {
                continue;
            }
            List<Object[]> cached = cache == null ? null : cache.get(key);
            if (cached != null) {
                found.put(key, cached);
            } else {
                missing.put(key, k);
            }
        }
        if (!missing.isEmpty()) {
            Map<List<Object>, List<Object[]>> fetched = fetch(new ArrayList<>(missing.values()));
            for (List<Object> key : missing.keySet()) {
                List<Object[]> rows = fetched.getOrDefault(key, List.of());
                found.put(key, rows);
                if (cache != null && (!rows.isEmpty() || options.cacheMissingKey())) {
                    cache.put(key, rows);
                }
            }
        }
        for (List<Object> key : normalized) {
            result.add(key == null ? List.of() : found.get(key));
        }
        return result;
    }

    private static boolean hasNull(Object[] key) {
        for (Object v : key) {
            if (v == null) {
                return true;
            }
        }
        return false;
    }

    /** Whether every key value lies in the range of its column (an input key may be of a wider integer type). */
    private boolean fits(Object[] key) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] instanceof Number && !(key[i] instanceof BigDecimal)) {
                long v = ((Number) key[i]).longValue();
                switch (type.type(keyFields[i]).root()) {
                    case TINYINT:
                        if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
                            return false;
                        }
                        break;
                    case SMALLINT:
                        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                            return false;
                        }
                        break;
                    case INTEGER:
                        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                            return false;
                        }
                        break;
                    default:
                }
            }
        }
        return true;
    }

    /**
     * The key as a value-comparable list (byte arrays by content, decimals without trailing zeros, integers of
     * every width as Long).
     */
    private static List<Object> normalize(Object[] key) {
        Object[] out = new Object[key.length];
        for (int i = 0; i < key.length; i++) {
            Object v = key[i];
            if (v instanceof byte[]) {
                v = Arrays.toString((byte[]) v);
            } else if (v instanceof BigDecimal) {
                v = ((BigDecimal) v).stripTrailingZeros();
            } else if (v instanceof Byte || v instanceof Short || v instanceof Integer) {
                v = ((Number) v).longValue();
            }
            out[i] = v;
        }
        return Arrays.asList(out);
    }

    private Map<List<Object>, List<Object[]>> fetch(List<Object[]> keys) throws Exception {
        SQLException last = null;
        for (int attempt = 0; attempt <= options.maxRetries(); attempt++) {
            try {
                if (conn == null || !conn.isValid(connection.timeoutSeconds())) {
                    closeConnection();
                    conn = connection.connect();
                }
                Map<List<Object>, List<Object[]>> out = new HashMap<>();
                for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
                    query(keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY)), out);
                }
                return out;
            } catch (SQLException e) {
                last = e;
                closeConnection();
                if (attempt < options.maxRetries()) {
                    Thread.sleep(100L * (attempt + 1));
                }
            }
        }
        throw JdbcErrors.wrap(connection, "lookup failed after " + options.maxRetries() + " retries", last);
    }

    private void query(List<Object[]> keys, Map<List<Object>, List<Object[]>> out) throws SQLException {
        String sql = sqlByKeyCount.computeIfAbsent(keys.size(), this::lookupSql);
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int p = 1;
            for (Object[] key : keys) {
                for (int i = 0; i < keyFields.length; i++) {
                    JdbcValueBinder.bind(ps, p++, type.type(keyFields[i]), key[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[type.size()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = JdbcColumnReader.readValue(rs, c + 1, type.type(c));
                    }
                    Object[] k = new Object[keyFields.length];
                    for (int i = 0; i < k.length; i++) {
                        k[i] = row[keyFields[i]];
                    }
                    out.computeIfAbsent(normalize(k), x -> new ArrayList<>()).add(row);
                }
            }
        }
    }

    private String lookupSql(int keyCount) {
        List<String> keyNames = new ArrayList<>();
        for (int f : keyFields) {
            keyNames.add(type.name(f));
        }
        String one = "(" + connection.dialect().conjunction(keyNames) + ")";
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < keyCount; i++) {
            where.append(i == 0 ? "" : " OR ").append(one);
        }
        return connection.dialect().selectStatement(connection.tableName(), type.names(), where.toString());
    }

    /** Keys held by the cache (0 without a cache); for tests. */
    int cachedKeys() {
        return cache == null ? 0 : cache.size();
    }

    @Override
    public void close() {
        closeConnection();
    }

    private void closeConnection() {
        if (conn != null) {
            try {
                conn.close();
            } catch (SQLException e) {
                // dropped anyway
            }
            conn = null;
        }
    }
}
