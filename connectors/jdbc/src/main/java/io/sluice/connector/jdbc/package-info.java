/**
 * The {@code jdbc} connector: scans (parallel range reads), lookups for lookup joins, and append or upsert
 * sinks over JDBC. Database specifics live in {@link io.sluice.connector.jdbc.dialect}.
 */
package io.sluice.connector.jdbc;
