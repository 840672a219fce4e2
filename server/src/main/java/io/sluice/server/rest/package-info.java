/**
 * The server's HTTP port: Flink's SQL Gateway REST API over the server's sessions (sessions, statements as
 * operations, paged results), Flink's job REST API over its jobs (details, plan, metrics, checkpoints, exceptions,
 * cancel, stop with savepoint), Prometheus metrics at {@code /metrics}, and the web UI's files at {@code /}, all in
 * Flink's JSON shapes where Flink has them.
 */
package io.sluice.server.rest;
