/** Handles on running jobs (Flink's {@code org.apache.flink.core.execution}). */
package io.sluice.core.execution;
