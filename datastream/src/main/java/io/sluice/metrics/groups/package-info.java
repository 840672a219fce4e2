/**
 * The metric groups of a running operator (Flink's {@code org.apache.flink.metrics.groups}): {@link
 * io.sluice.metrics.groups.OperatorMetricGroup}, which {@code RuntimeContext.getMetricGroup()} returns, and its
 * {@link io.sluice.metrics.groups.OperatorIOMetricGroup} of record and byte counts.
 */
package io.sluice.metrics.groups;
