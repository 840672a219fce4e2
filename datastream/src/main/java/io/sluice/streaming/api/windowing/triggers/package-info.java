/** Window triggers (Flink's {@code org.apache.flink.streaming.api.windowing.triggers}). */
package io.sluice.streaming.api.windowing.triggers;
