/**
 * End-to-end tests of Flink SQL pipelines run by the {@code sluice-sql} client in script mode against a real Kafka
 * broker and a real PostgreSQL server, including a kill and a restore from the latest checkpoint.
 */
package io.sluice.connector.pipeline;
