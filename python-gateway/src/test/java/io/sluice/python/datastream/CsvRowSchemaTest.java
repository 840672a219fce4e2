package io.sluice.python.datastream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.types.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The CSV rows of the Python DataStream API with PyFlink's documented results (its CSV row schema test: a field
 * between "BEGIN" and "END" with quote {@code '}, escape {@code *}, array delimiter {@code :} and field delimiter
 * {@code ;}), written and read back.
 */
class CsvRowSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static CsvRowSchema schema(String fieldType, String options) throws IOException {
        JsonNode spec = MAPPER.readTree("{\"kind\": \"csv_row\", \"type\": {\"t\": \"ROW\", \"names\": [\"f0\", "
                + "\"f1\", \"f2\"], \"fields\": [{\"t\": \"STRING\"}, " + fieldType + ", {\"t\": \"STRING\"}]}"
                + options + "}");
        return new CsvRowSchema(spec);
    }

    private static void roundTrip(String fieldType, String csvValue, Object value) throws IOException {
        CsvRowSchema s = schema(fieldType, ", \"escape_character\": \"*\", \"quote_character\": \"'\", "
                + "\"array_element_delimiter\": \":\", \"field_delimiter\": \";\"");
        Row row = Row.of("BEGIN", value, "END");
        String expected = "BEGIN;" + csvValue + ";END\n";
        assertEquals(expected, new String(s.serialize(row), StandardCharsets.UTF_8));
        assertEquals(row, s.deserialize(expected.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pyflinksDocumentedFields() throws IOException {
        roundTrip("{\"t\": \"STRING\"}", "'123''4**'", "123'4*");
        roundTrip("{\"t\": \"STRING\"}", "'a;b''c'", "a;b'c");
        roundTrip("{\"t\": \"INT\"}", "12", 12);
        String nested = "{\"t\": \"ROW\", \"names\": [\"f0\", \"f1\"], \"fields\": [{\"t\": \"STRING\"}, "
                + "{\"t\": \"STRING\"}]}";
        roundTrip(nested, "'1:hello'", Row.of("1", "hello"));
        roundTrip(nested, "'1:hello world'", Row.of("1", "hello world"));
        roundTrip("{\"t\": \"STRING\"}", "null", "null");
    }

    @Test
    void defaultsNullsAndBadLines() throws IOException {
        CsvRowSchema s = schema("{\"t\": \"INT\"}", "");
        // defaults: ',' between fields, '"' quotes text with a character up to ',' (here the space), null is empty
        assertEquals("hi,,\"hello world\"\n", new String(s.serialize(Row.of("hi", null, "hello world")),
                StandardCharsets.UTF_8));
        assertEquals(Row.of("hi", null, "x"), s.deserialize("hi,,x".getBytes(StandardCharsets.UTF_8)));
        IOException e = assertThrows(IOException.class,
                () -> s.deserialize("a,b,c\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith("Failed to deserialize CSV row 'a,b,c'"), e.getMessage());
        assertThrows(IOException.class, () -> s.deserialize("a,1".getBytes(StandardCharsets.UTF_8)));
        CsvRowSchema lenient = schema("{\"t\": \"INT\"}",
                ", \"ignore_parse_errors\": true, \"allow_comments\": true");
        assertNull(lenient.deserialize("a,b,c".getBytes(StandardCharsets.UTF_8)));
        assertNull(lenient.deserialize("# a comment".getBytes(StandardCharsets.UTF_8)));
    }
}
