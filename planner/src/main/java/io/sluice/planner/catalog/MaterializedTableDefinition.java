package io.sluice.planner.catalog;

import java.time.Duration;
import java.util.Objects;

/**
 * What makes a {@link CatalogTable} a materialized table: its defining query (as written and with its names
 * qualified, the form its refreshes run), its freshness, its refresh mode (as written and as derived), the state of
 * its refresh pipeline and, after a suspend with a savepoint, where the continuous refresh job resumes from.
 * Immutable.
 *
 * @param originalQuery the query as written
 * @param expandedQuery the query with every name qualified (what refreshes run and SHOW CREATE shows)
 * @param freshnessInterval the freshness's number, as written without the quotes (a positive integer)
 * @param freshnessUnit SECOND, MINUTE, HOUR or DAY
 * @param logicalRefreshMode the mode as written: AUTOMATIC when REFRESH_MODE was not given
 * @param refreshMode the mode the pipeline runs in
 * @param refreshStatus the state of the pipeline
 * @param restorePath where a suspended continuous job resumes from (a savepoint), or null
 */
public record MaterializedTableDefinition(String originalQuery, String expandedQuery, String freshnessInterval,
        String freshnessUnit, LogicalRefreshMode logicalRefreshMode, RefreshMode refreshMode,
        RefreshStatus refreshStatus, String restorePath) {

    /** The refresh mode as the statement gives it. */
    public enum LogicalRefreshMode { AUTOMATIC, CONTINUOUS, FULL }

    /** How the table is kept fresh: a streaming job, or batch overwrites on a schedule. */
    public enum RefreshMode { CONTINUOUS, FULL }

    /** The state of the refresh pipeline. */
    public enum RefreshStatus { INITIALIZING, ACTIVATED, SUSPENDED }

    public MaterializedTableDefinition {
        Objects.requireNonNull(originalQuery, "originalQuery");
        Objects.requireNonNull(expandedQuery, "expandedQuery");
        Objects.requireNonNull(freshnessInterval, "freshnessInterval");
        Objects.requireNonNull(freshnessUnit, "freshnessUnit");
        Objects.requireNonNull(logicalRefreshMode, "logicalRefreshMode");
        Objects.requireNonNull(refreshMode, "refreshMode");
        Objects.requireNonNull(refreshStatus, "refreshStatus");
    }

    /** The freshness as a duration. */
    public Duration freshness() {
        long n = Long.parseLong(freshnessInterval);
        switch (freshnessUnit) {
            case "SECOND":
                return Duration.ofSeconds(n);
            case "MINUTE":
                return Duration.ofMinutes(n);
            case "HOUR":
                return Duration.ofHours(n);
            default:
                return Duration.ofDays(n);
        }
    }

    /** This definition with another pipeline state and restore path. */
    public MaterializedTableDefinition withRefreshStatus(RefreshStatus status, String newRestorePath) {
        return new MaterializedTableDefinition(originalQuery, expandedQuery, freshnessInterval, freshnessUnit,
                logicalRefreshMode, refreshMode, status, newRestorePath);
    }

    /** This definition with another query. */
    public MaterializedTableDefinition withQuery(String newOriginalQuery, String newExpandedQuery) {
        return new MaterializedTableDefinition(newOriginalQuery, newExpandedQuery, freshnessInterval, freshnessUnit,
                logicalRefreshMode, refreshMode, refreshStatus, restorePath);
    }
}
