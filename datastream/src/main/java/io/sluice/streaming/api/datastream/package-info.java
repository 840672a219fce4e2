/** Streams and their transformations: {@code DataStream}, {@code KeyedStream}, windows, connected streams (Flink's {@code org.apache.flink.streaming.api.datastream}). */
package io.sluice.streaming.api.datastream;
