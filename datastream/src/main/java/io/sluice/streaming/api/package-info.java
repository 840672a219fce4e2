/** Timers and time domains of process functions (Flink's {@code org.apache.flink.streaming.api}). */
package io.sluice.streaming.api;
