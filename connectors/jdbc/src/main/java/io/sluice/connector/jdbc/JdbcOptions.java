package io.sluice.connector.jdbc;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import java.time.Duration;

/** Options of the {@code jdbc} connector, with Flink's keys and defaults. */
public final class JdbcOptions {
    private JdbcOptions() {
    }

    public static final ConfigOption<String> URL = ConfigOptions.key("url").stringType().noDefaultValue()
            .withDescription("JDBC URL of the database, e.g. jdbc:postgresql://host:5432/db.");
    public static final ConfigOption<String> TABLE_NAME = ConfigOptions.key("table-name").stringType()
            .noDefaultValue().withDescription("Name of the table in the database (optionally schema.table).");
    public static final ConfigOption<String> DRIVER = ConfigOptions.key("driver").stringType().noDefaultValue()
            .withDescription("Class name of the JDBC driver; derived from the URL when not set.");
    public static final ConfigOption<String> USERNAME = ConfigOptions.key("username").stringType().noDefaultValue()
            .withDescription("User name for the connection.");
    public static final ConfigOption<String> PASSWORD = ConfigOptions.key("password").stringType().noDefaultValue()
            .withDescription("Password for the connection.");

    public static final ConfigOption<Duration> CONNECTION_MAX_RETRY_TIMEOUT = ConfigOptions
            .key("connection.max-retry-timeout").durationType().defaultValue(Duration.ofSeconds(60))
            .withDescription("Longest wait for a connection to be made or checked (at least 1 s).");

    public static final ConfigOption<String> SCAN_PARTITION_COLUMN = ConfigOptions.key("scan.partition.column")
            .stringType().noDefaultValue().withDescription("Numeric column whose range is split between readers.");
    public static final ConfigOption<Integer> SCAN_PARTITION_NUM = ConfigOptions.key("scan.partition.num")
            .intType().noDefaultValue().withDescription("Number of ranges the partition column is split into.");
    public static final ConfigOption<Long> SCAN_PARTITION_LOWER_BOUND = ConfigOptions
            .key("scan.partition.lower-bound").longType().noDefaultValue()
            .withDescription("Smallest value of the first range.");
    public static final ConfigOption<Long> SCAN_PARTITION_UPPER_BOUND = ConfigOptions
            .key("scan.partition.upper-bound").longType().noDefaultValue()
            .withDescription("Largest value of the last range.");
    public static final ConfigOption<Integer> SCAN_FETCH_SIZE = ConfigOptions.key("scan.fetch-size").intType()
            .defaultValue(0).withDescription("Rows fetched per round trip; 0 lets the driver decide.");
    public static final ConfigOption<Boolean> SCAN_AUTO_COMMIT = ConfigOptions.key("scan.auto-commit")
            .booleanType().defaultValue(true).withDescription("Auto-commit of the reading connection.");

    public static final ConfigOption<Integer> SINK_BUFFER_FLUSH_MAX_ROWS = ConfigOptions
            .key("sink.buffer-flush.max-rows").intType().defaultValue(100)
            .withDescription("Buffered rows that trigger a flush; 0 disables.");
    public static final ConfigOption<Duration> SINK_BUFFER_FLUSH_INTERVAL = ConfigOptions
            .key("sink.buffer-flush.interval").durationType().defaultValue(Duration.ofSeconds(1))
            .withDescription("Flush interval of buffered rows; 0 disables.");
    public static final ConfigOption<Integer> SINK_MAX_RETRIES = ConfigOptions.key("sink.max-retries").intType()
            .defaultValue(3).withDescription("Retries of a failed flush.");
    public static final ConfigOption<Integer> SINK_PARALLELISM = ConfigOptions.key("sink.parallelism").intType()
            .noDefaultValue().withDescription("Parallelism of the sink (not supported yet).");

    public static final ConfigOption<LookupCacheKind> LOOKUP_CACHE = ConfigOptions.key("lookup.cache")
            .enumType(LookupCacheKind.class).defaultValue(LookupCacheKind.NONE)
            .withDescription("Cache of lookup results: NONE or PARTIAL.");
    public static final ConfigOption<Long> LOOKUP_PARTIAL_CACHE_MAX_ROWS = ConfigOptions
            .key("lookup.partial-cache.max-rows").longType().noDefaultValue()
            .withDescription("Maximum number of keys in the partial cache.");
    public static final ConfigOption<Duration> LOOKUP_PARTIAL_CACHE_EXPIRE_AFTER_WRITE = ConfigOptions
            .key("lookup.partial-cache.expire-after-write").durationType().noDefaultValue()
            .withDescription("A cached entry expires this long after it was written.");
    public static final ConfigOption<Duration> LOOKUP_PARTIAL_CACHE_EXPIRE_AFTER_ACCESS = ConfigOptions
            .key("lookup.partial-cache.expire-after-access").durationType().noDefaultValue()
            .withDescription("A cached entry expires this long after it was last read.");
    public static final ConfigOption<Boolean> LOOKUP_PARTIAL_CACHE_CACHE_MISSING_KEY = ConfigOptions
            .key("lookup.partial-cache.cache-missing-key").booleanType().defaultValue(true)
            .withDescription("Whether keys without rows are cached too.");
    public static final ConfigOption<Integer> LOOKUP_MAX_RETRIES = ConfigOptions.key("lookup.max-retries")
            .intType().defaultValue(3).withDescription("Retries of a failed lookup query.");

    /** Values of {@code lookup.cache}. */
    public enum LookupCacheKind {
        NONE,
        PARTIAL
    }
}
