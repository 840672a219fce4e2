/** The file source (Flink's {@code org.apache.flink.connector.file.src}); local files, text lines. */
package io.sluice.connector.file.src;
