package io.sluice.connector.kafka.format;

/**
 * Finds where a record ends in text written by a line-based file format: the next line break outside a quoted
 * field. Json records never contain a raw line break; csv fields that do are quoted.
 */
final class RecordSplitter {
    private final int quote;
    private final int escape;

    /**
     * @param quote the quote character, or -1 when fields are never quoted
     * @param escape the escape character, or -1 for none
     */
    RecordSplitter(int quote, int escape) {
        this.quote = quote;
        this.escape = escape;
    }

    /** A splitter for formats without quoting (json). */
    static RecordSplitter lines() {
        return new RecordSplitter(-1, -1);
    }

    /** The index of the line break ending the record that starts at {@code start}, or -1 at the end of text. */
    int recordEnd(byte[] text, int start) {
        boolean quoted = false;
        for (int i = start; i < text.length; i++) {
            int b = text[i];
            if (b == escape) {
                i++;
            } else if (b == quote) {
                quoted = !quoted;
            } else if (b == '\n' && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
