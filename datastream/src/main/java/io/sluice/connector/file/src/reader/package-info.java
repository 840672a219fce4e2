/** Record formats of the file source (Flink's {@code org.apache.flink.connector.file.src.reader}). */
package io.sluice.connector.file.src.reader;
