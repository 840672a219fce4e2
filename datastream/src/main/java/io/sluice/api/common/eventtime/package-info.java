/** Timestamps and watermarks: {@code WatermarkStrategy}, generators and assigners (Flink's {@code org.apache.flink.api.common.eventtime}). */
package io.sluice.api.common.eventtime;
