/** Sink V2 implementations (Flink's {@code org.apache.flink.streaming.api.functions.sink.v2}). */
package io.sluice.streaming.api.functions.sink.v2;
