/**
 * The {@code kafka} connector: a source reading topic partitions into Arrow batches (positions checkpointed,
 * partitions split over parallel readers, bounded modes for batch jobs, metadata columns) and a sink writing rows
 * as records (none, at-least-once or exactly-once through Kafka transactions).
 */
package io.sluice.connector.kafka;
