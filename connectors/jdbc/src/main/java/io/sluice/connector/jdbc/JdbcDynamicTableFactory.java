package io.sluice.connector.jdbc;

import static io.sluice.connector.jdbc.JdbcOptions.*;

import io.sluice.connector.jdbc.dialect.JdbcDialect;
import io.sluice.connector.jdbc.dialect.JdbcDialects;
import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.DynamicTableSinkFactory;
import io.sluice.runtime.connector.DynamicTableSourceFactory;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.time.Duration;
import java.util.Set;

/**
 * The {@code 'connector' = 'jdbc'} factory (Flink's option keys, see {@link JdbcOptions}): a
 * {@link JdbcTableSource} for scans and lookup joins, a {@link JdbcTableSink} for writes. The database is
 * chosen by the URL's dialect; only PostgreSQL is supported yet.
 */
public final class JdbcDynamicTableFactory implements DynamicTableSourceFactory, DynamicTableSinkFactory {
    /** The connector id. */
    public static final String IDENTIFIER = "jdbc";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(URL, TABLE_NAME);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(DRIVER, USERNAME, PASSWORD, CONNECTION_MAX_RETRY_TIMEOUT, SCAN_PARTITION_COLUMN, SCAN_PARTITION_NUM,
                SCAN_PARTITION_LOWER_BOUND, SCAN_PARTITION_UPPER_BOUND, SCAN_FETCH_SIZE, SCAN_AUTO_COMMIT,
                SINK_BUFFER_FLUSH_MAX_ROWS, SINK_BUFFER_FLUSH_INTERVAL, SINK_MAX_RETRIES, SINK_PARALLELISM,
                LOOKUP_CACHE, LOOKUP_PARTIAL_CACHE_MAX_ROWS, LOOKUP_PARTIAL_CACHE_EXPIRE_AFTER_WRITE,
                LOOKUP_PARTIAL_CACHE_EXPIRE_AFTER_ACCESS, LOOKUP_PARTIAL_CACHE_CACHE_MISSING_KEY, LOOKUP_MAX_RETRIES);
    }

    @Override
    public JdbcTableSource createDynamicTableSource(TableContext context) {
        JdbcConnectionOptions connection = connection(context);
        int fetchSize = context.get(SCAN_FETCH_SIZE);
        if (fetchSize < 0) {
            throw invalid(context, SCAN_FETCH_SIZE, "must not be negative", fetchSize);
        }
        JdbcLookupOptions lookup = lookupOptions(context);
        return new JdbcTableSource(connection, context.physicalRowType(), partitions(context), fetchSize,
                context.get(SCAN_AUTO_COMMIT), lookup);
    }

    @Override
    public JdbcTableSink createDynamicTableSink(TableContext context) {
        JdbcConnectionOptions connection = connection(context);
        if (context.options().containsKey(SINK_PARALLELISM.key())) {
            throw new UnsupportedFeatureException("'" + SINK_PARALLELISM.key() + "' of jdbc table "
                    + context.tableName() + " (the sink runs at the job's parallelism)");
        }
        int maxRows = context.get(SINK_BUFFER_FLUSH_MAX_ROWS);
        if (maxRows < 0) {
            throw invalid(context, SINK_BUFFER_FLUSH_MAX_ROWS, "must not be negative", maxRows);
        }
        Duration interval = context.get(SINK_BUFFER_FLUSH_INTERVAL);
        int retries = context.get(SINK_MAX_RETRIES);
        if (retries < 0) {
            throw invalid(context, SINK_MAX_RETRIES, "must not be negative", retries);
        }
        return new JdbcTableSink(connection, context.physicalRowType(), context.primaryKey(), maxRows, interval,
                retries);
    }

    private static JdbcConnectionOptions connection(TableContext context) {
        String url = context.get(URL);
        JdbcDialect dialect;
        try {
            dialect = JdbcDialects.forUrl(url);
        } catch (ValidationException e) {
            throw new ValidationException("Table " + context.tableName() + ": " + e.getMessage());
        }
        RowType type = context.physicalRowType();
        for (int i = 0; i < type.size(); i++) {
            dialect.validateType(type.name(i), type.type(i));
        }
        Duration timeout = context.get(CONNECTION_MAX_RETRY_TIMEOUT);
        if (timeout.getSeconds() < 1) {
            throw invalid(context, CONNECTION_MAX_RETRY_TIMEOUT, "must be at least 1 s", timeout);
        }
        return new JdbcConnectionOptions(context.tableName(), url, context.get(TABLE_NAME), context.get(USERNAME),
                context.get(PASSWORD), context.get(DRIVER), dialect, (int) Math.min(Integer.MAX_VALUE,
                        timeout.getSeconds()));
    }

    private static JdbcScanPartitions partitions(TableContext context) {
        String column = context.get(SCAN_PARTITION_COLUMN);
        Integer num = context.get(SCAN_PARTITION_NUM);
        Long lower = context.get(SCAN_PARTITION_LOWER_BOUND);
        Long upper = context.get(SCAN_PARTITION_UPPER_BOUND);
        if (column == null && num == null && lower == null && upper == null) {
            return null;
        }
        if (column == null || num == null || lower == null || upper == null) {
            throw new ValidationException("Table " + context.tableName() + ": the options '"
                    + SCAN_PARTITION_COLUMN.key() + "', '" + SCAN_PARTITION_NUM.key() + "', '"
                    + SCAN_PARTITION_LOWER_BOUND.key() + "' and '" + SCAN_PARTITION_UPPER_BOUND.key()
                    + "' must all be set or all be left out.");
        }
        int index = context.physicalRowType().indexOf(column);
        if (index < 0) {
            throw new ValidationException("Table " + context.tableName() + ": '" + SCAN_PARTITION_COLUMN.key()
                    + "' names no column: '" + column + "'."
                    + io.sluice.runtime.util.NameSuggestions.didYouMean(column, context.physicalRowType().names()));
        }
        TypeRoot root = context.physicalRowType().type(index).root();
        if (!root.isIntegral()) {
            throw new ValidationException("Table " + context.tableName() + ": '" + SCAN_PARTITION_COLUMN.key()
                    + "' must be a column of an integer type, but " + column + " is "
                    + context.physicalRowType().type(index) + ".");
        }
        if (num <= 0) {
            throw invalid(context, SCAN_PARTITION_NUM, "must be positive", num);
        }
        if (lower > upper) {
            throw new ValidationException("Table " + context.tableName() + ": '" + SCAN_PARTITION_LOWER_BOUND.key()
                    + "' (" + lower + ") must not be greater than '" + SCAN_PARTITION_UPPER_BOUND.key() + "' ("
                    + upper + ").");
        }
        return new JdbcScanPartitions(column, lower, upper, num);
    }

    private static JdbcLookupOptions lookupOptions(TableContext context) {
        boolean cache = context.get(LOOKUP_CACHE) == LookupCacheKind.PARTIAL;
        Long maxRows = context.get(LOOKUP_PARTIAL_CACHE_MAX_ROWS);
        if (maxRows != null && maxRows <= 0) {
            throw invalid(context, LOOKUP_PARTIAL_CACHE_MAX_ROWS, "must be positive", maxRows);
        }
        Duration write = context.get(LOOKUP_PARTIAL_CACHE_EXPIRE_AFTER_WRITE);
        Duration access = context.get(LOOKUP_PARTIAL_CACHE_EXPIRE_AFTER_ACCESS);
        if (cache && maxRows == null && write == null && access == null) {
            throw new ValidationException("Table " + context.tableName() + ": 'lookup.cache' = 'PARTIAL' needs at"
                    + " least one of '" + LOOKUP_PARTIAL_CACHE_MAX_ROWS.key() + "', '"
                    + LOOKUP_PARTIAL_CACHE_EXPIRE_AFTER_WRITE.key() + "' and '"
                    + LOOKUP_PARTIAL_CACHE_EXPIRE_AFTER_ACCESS.key() + "'.");
        }
        int retries = context.get(LOOKUP_MAX_RETRIES);
        if (retries < 0) {
            throw invalid(context, LOOKUP_MAX_RETRIES, "must not be negative", retries);
        }
        return new JdbcLookupOptions(cache, maxRows, write, access, context.get(LOOKUP_PARTIAL_CACHE_CACHE_MISSING_KEY),
                retries);
    }

    private static ValidationException invalid(TableContext context, ConfigOption<?> option, String rule, Object value) {
        return new ValidationException("'" + option.key() + "' of table " + context.tableName() + " " + rule
                + ", but is " + value + ".");
    }
}
