/** {@code Tuple0} to {@code Tuple25} (Flink's {@code org.apache.flink.api.java.tuple}). */
package io.sluice.api.java.tuple;
