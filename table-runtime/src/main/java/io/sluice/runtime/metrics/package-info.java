/**
 * Metrics of running jobs, counted in one place: {@link io.sluice.runtime.metrics.JobMetrics} per job (reached from
 * its {@code JobExecution}) holds the job's plan, one {@link io.sluice.runtime.metrics.OperatorMetrics} per operator
 * instance, checkpoint statistics and the exception history. Executors count per batch, never per row; readers
 * (a REST API, a Prometheus exporter) read the numbers from any thread. Names follow Flink's metric names.
 */
package io.sluice.runtime.metrics;
