/** Process functions (Flink's {@code org.apache.flink.streaming.api.functions}). */
package io.sluice.streaming.api.functions;
