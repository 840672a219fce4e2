package io.sluice.connector.kafka.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Record ends in encoded text: line breaks inside quotes and after escape characters do not end a record. */
class RecordSplitterTest {
    private static int end(RecordSplitter s, String text, int start) {
        return s.recordEnd(text.getBytes(StandardCharsets.UTF_8), start);
    }

    @Test
    void csvRecordsEndAtLineBreaksOutsideQuotes() {
        RecordSplitter csv = new RecordSplitter('"', -1);
        String text = "1,\"a\nb\"\n2,\"x\"\"y\"\n";
        assertEquals(7, end(csv, text, 0));
        assertEquals(text.length() - 1, end(csv, text, 8));
        assertEquals(-1, end(csv, text, text.length()));
    }

    @Test
    void escapedLineBreaksAndQuotesDoNotEndARecord() {
        RecordSplitter csv = new RecordSplitter('"', '\\');
        assertEquals(7, end(csv, "a\\\nb\\\"c\nd", 0));
        assertEquals(3, end(RecordSplitter.lines(), "{a}\n{b}", 0));
    }
}
