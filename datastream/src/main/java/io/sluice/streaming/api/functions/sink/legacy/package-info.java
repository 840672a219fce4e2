/**
 * Flink's legacy sink functions ({@code org.apache.flink.streaming.api.functions.sink.legacy}): {@link
 * io.sluice.streaming.api.functions.sink.legacy.SinkFunction} and {@link
 * io.sluice.streaming.api.functions.sink.legacy.RichSinkFunction}, run by {@code DataStream.addSink}. Flink 2.x keeps
 * them deprecated, in favour of the {@code Sink} interface ({@code sinkTo}); its documentation still shows them, so
 * Sluice runs them.
 */
package io.sluice.streaming.api.functions.sink.legacy;
