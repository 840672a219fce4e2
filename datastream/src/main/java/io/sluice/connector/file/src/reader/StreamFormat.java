package io.sluice.connector.file.src.reader;

/** Reads records from a file's byte stream; {@link TextLineInputFormat} reads lines. */
public interface StreamFormat<T> extends java.io.Serializable {
}
