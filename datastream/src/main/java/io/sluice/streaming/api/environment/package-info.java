/** {@code StreamExecutionEnvironment}: sources, settings and job execution (Flink's {@code org.apache.flink.streaming.api.environment}). */
package io.sluice.streaming.api.environment;
