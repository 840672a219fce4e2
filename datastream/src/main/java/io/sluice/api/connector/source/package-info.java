/** The source interface of {@code fromSource} (Flink's {@code org.apache.flink.api.connector.source}). */
package io.sluice.api.connector.source;
