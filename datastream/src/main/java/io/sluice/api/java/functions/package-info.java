/** Key selectors (Flink's {@code org.apache.flink.api.java.functions}). */
package io.sluice.api.java.functions;
