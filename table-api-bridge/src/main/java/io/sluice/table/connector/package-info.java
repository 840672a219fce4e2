/** Connector-facing types of Flink's Table API used by the DataStream bridge ({@link io.sluice.table.connector.ChangelogMode}). */
package io.sluice.table.connector;
