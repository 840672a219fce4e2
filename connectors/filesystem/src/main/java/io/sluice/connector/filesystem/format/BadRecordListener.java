package io.sluice.connector.filesystem.format;

import java.io.IOException;

/**
 * Receives the records a decoder cannot decode when the table routes bad records to a table
 * ({@code sluice.bad-records.table}), in file order, instead of the decoder failing.
 */
@FunctionalInterface
public interface BadRecordListener {
    /**
     * @param position where the record is in its file, 1-based: the line it starts on (line formats) or its record
     *     number (binary formats such as avro)
     * @param error what is wrong with it
     * @param raw the record's bytes (or text), empty when there is no single record's content to show
     */
    void bad(long position, String error, byte[] raw) throws IOException;
}
