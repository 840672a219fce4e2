/** Functions of connected streams (Flink's {@code org.apache.flink.streaming.api.functions.co}). */
package io.sluice.streaming.api.functions.co;
