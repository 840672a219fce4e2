/** Ready-made sinks: {@code PrintSink} (Flink's {@code org.apache.flink.streaming.api.functions.sink}). */
package io.sluice.streaming.api.functions.sink;
