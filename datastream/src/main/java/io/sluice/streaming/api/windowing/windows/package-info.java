/** Windows: time windows and the global window (Flink's {@code org.apache.flink.streaming.api.windowing.windows}). */
package io.sluice.streaming.api.windowing.windows;
