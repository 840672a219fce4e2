/** Window functions (Flink's {@code org.apache.flink.streaming.api.functions.windowing}). */
package io.sluice.streaming.api.functions.windowing;
