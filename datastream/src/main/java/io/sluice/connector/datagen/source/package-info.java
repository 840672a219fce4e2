/** The data generator source (Flink's {@code org.apache.flink.connector.datagen.source}). */
package io.sluice.connector.datagen.source;
