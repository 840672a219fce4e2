/** Prometheus metrics of the server's jobs ({@code /metrics}), named as Flink's Prometheus reporter names them. */
package io.sluice.server.metrics;
