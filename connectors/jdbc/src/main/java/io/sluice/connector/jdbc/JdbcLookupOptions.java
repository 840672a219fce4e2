package io.sluice.connector.jdbc;

import java.time.Duration;

/**
 * Lookup settings of a jdbc table: the partial cache ({@code lookup.cache = 'PARTIAL'}; null {@code maxRows}
 * means no size limit, null durations no expiry) and the retries of a failed lookup query.
 */
record JdbcLookupOptions(boolean cache, Long maxRows, Duration expireAfterWrite, Duration expireAfterAccess,
        boolean cacheMissingKey, int maxRetries) {
}
