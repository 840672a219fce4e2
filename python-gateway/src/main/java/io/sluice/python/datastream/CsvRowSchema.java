package io.sluice.python.datastream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.api.common.serialization.DeserializationSchema;
import io.sluice.api.common.serialization.SerializationSchema;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.java.tuple.Tuple;
import io.sluice.types.Row;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows as lines of CSV, by the types of a Python row type information (PyFlink's {@code CsvRowSerializationSchema}
 * and {@code CsvRowDeserializationSchema}): fields in order, separated by the field delimiter; a nested row or a
 * list is one field of its elements joined by the array element delimiter; null is the null literal (empty by
 * default); a line ends with the line delimiter. Numbers and booleans are written as they are; a text field is
 * quoted when it holds a character that is not safe bare (one below the higher of the field delimiter, the quote
 * character and the line delimiter, or the quote or escape character), with quote and escape characters doubled
 * inside the quotes, as Flink's CSV rows do. Reading undoes this; a line that does not fit the type fails the job
 * naming the line, or is skipped with {@code ignoreParseErrors}; lines starting with {@code #} are skipped with
 * {@code allowComments}.
 */
public final class CsvRowSchema implements SerializationSchema<Object>, DeserializationSchema<Object> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String type;
    private final char fieldDelimiter;
    private final String lineDelimiter;
    private final String arrayDelimiter;
    /** The quote character, or -1 for none. */
    private final int quote;
    /** The escape character, or -1 for none. */
    private final int escape;
    private final String nullLiteral;
    private final boolean allowComments;
    private final boolean ignoreParseErrors;
    private transient JsonNode parsedType;

    public CsvRowSchema(JsonNode spec) {
        JsonNode t = spec.get("type");
        if (!"ROW".equals(t.path("t").asText())) {
            throw new IllegalArgumentException("The CSV row format needs a row type (Types.ROW), not "
                    + t.path("t").asText());
        }
        this.type = t.toString();
        this.fieldDelimiter = one(spec.path("field_delimiter").asText(","), "field delimiter");
        this.lineDelimiter = spec.path("line_delimiter").asText("\n");
        this.arrayDelimiter = spec.path("array_element_delimiter").asText(";");
        this.quote = spec.path("quote_character").isNull() ? -1
                : one(spec.path("quote_character").asText("\""), "quote character");
        this.escape = spec.hasNonNull("escape_character") ? one(spec.get("escape_character").asText(),
                "escape character") : -1;
        this.nullLiteral = spec.path("null_literal").asText("");
        this.allowComments = spec.path("allow_comments").asBoolean(false);
        this.ignoreParseErrors = spec.path("ignore_parse_errors").asBoolean(false);
    }

    private static char one(String s, String what) {
        if (s.length() != 1) {
            throw new IllegalArgumentException("The CSV " + what + " must be one character, not '" + s + "'");
        }
        return s.charAt(0);
    }

    private JsonNode type() {
        if (parsedType == null) {
            try {
                parsedType = MAPPER.readTree(type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return parsedType;
    }

    // ---- writing

    @Override
    public byte[] serialize(Object element) {
        JsonNode t = type();
        JsonNode fields = t.get("fields");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(fieldDelimiter);
            }
            Object v = field(element, i);
            if (v == null) {
                line.append(nullLiteral);
            } else if (isText(fields.get(i))) {
                line.append(quoted(text(v, fields.get(i))));
            } else {
                line.append(text(v, fields.get(i)));
            }
        }
        return line.append(lineDelimiter).toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Object field(Object row, int i) {
        return row instanceof Row ? ((Row) row).getField(i) : ((Tuple) row).getField(i);
    }

    /** Whether a field of this type is written as (possibly quoted) text rather than a bare number or boolean. */
    private static boolean isText(JsonNode t) {
        switch (t.path("t").asText()) {
            case "BOOLEAN":
            case "BYTE":
            case "SHORT":
            case "INT":
            case "LONG":
            case "BIG_INT":
            case "FLOAT":
            case "DOUBLE":
            case "BIG_DEC":
                return false;
            default:
                return true;
        }
    }

    private String text(Object v, JsonNode t) {
        String name = t.path("t").asText();
        if ("ROW".equals(name) || "TUPLE".equals(name)) {
            List<String> parts = new ArrayList<>();
            JsonNode fields = t.get("fields");
            for (int i = 0; i < fields.size(); i++) {
                Object f = field(v, i);
                parts.add(f == null ? nullLiteral : text(f, fields.get(i)));
            }
            return String.join(arrayDelimiter, parts);
        }
        if ("LIST".equals(name)) {
            List<String> parts = new ArrayList<>();
            for (Object e : (Iterable<?>) v) {
                parts.add(e == null ? nullLiteral : text(e, t.get("element")));
            }
            return String.join(arrayDelimiter, parts);
        }
        if (v instanceof LocalDateTime) {
            return Timestamp.valueOf((LocalDateTime) v).toString();
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).toPlainString();
        }
        if (v instanceof byte[]) {
            return java.util.Base64.getEncoder().encodeToString((byte[]) v);
        }
        return v.toString();
    }

    private String quoted(String s) {
        if (quote < 0 || !needsQuotes(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append((char) quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == escape) {
                b.append(c);
            }
            b.append(c);
        }
        return b.append((char) quote).toString();
    }

    private boolean needsQuotes(String s) {
        int safe = Math.max(fieldDelimiter, quote);
        for (int i = 0; i < lineDelimiter.length(); i++) {
            safe = Math.max(safe, lineDelimiter.charAt(i));
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= safe || c == quote || c == escape) {
                return true;
            }
        }
        return false;
    }

    // ---- reading

    @Override
    public Object deserialize(byte[] message) throws IOException {
        if (message == null) {
            return null;
        }
        String line = new String(message, StandardCharsets.UTF_8);
        try {
            String body = line;
            while (body.endsWith("\n") || body.endsWith("\r")) {
                body = body.substring(0, body.length() - 1);
            }
            if (allowComments && body.startsWith("#")) {
                return null;
            }
            List<String> values = split(body);
            JsonNode fields = type().get("fields");
            if (values.size() != fields.size()) {
                throw new IOException("expected " + fields.size() + " fields, found " + values.size());
            }
            Row row = new Row(fields.size());
            for (int i = 0; i < fields.size(); i++) {
                row.setField(i, value(values.get(i), fields.get(i)));
            }
            return row;
        } catch (IOException | RuntimeException e) {
            if (ignoreParseErrors) {
                return null;
            }
            throw new IOException("Failed to deserialize CSV row '" + line.trim() + "': " + e.getMessage(), e);
        }
    }

    /** The fields of a line, unquoted; a quoted field is marked by a null-free, already unescaped value. */
    private List<String> split(String line) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if ((c == quote || c == escape) && i + 1 < line.length() && line.charAt(i + 1) == c) {
                    cur.append(c);
                    i++;
                } else if (c == escape && i + 1 < line.length()) {
                    cur.append(line.charAt(++i));
                } else if (c == quote) {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == fieldDelimiter) {
                out.add(wasQuoted ? "\u0000q" + cur : cur.toString());
                cur.setLength(0);
                wasQuoted = false;
            } else if (c == quote && cur.length() == 0) {
                quoted = true;
                wasQuoted = true;
            } else if (c == escape && i + 1 < line.length()) {
                cur.append(line.charAt(++i));
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new IOException("unclosed quote");
        }
        out.add(wasQuoted ? "\u0000q" + cur : cur.toString());
        return out;
    }

    private Object value(String raw, JsonNode t) throws IOException {
        boolean wasQuoted = raw.startsWith("\u0000q");
        String s = wasQuoted ? raw.substring(2) : raw;
        if (!wasQuoted && s.equals(nullLiteral)) {
            return null;
        }
        return convert(s, t);
    }

    private Object convert(String s, JsonNode t) throws IOException {
        String name = t.path("t").asText();
        if (s.isEmpty() && !"STRING".equals(name) && !"CHAR".equals(name)) {
            return null;
        }
        switch (name) {
            case "STRING":
            case "CHAR":
                return s;
            case "BOOLEAN":
                return Boolean.parseBoolean(s.trim());
            case "BYTE":
                return Byte.parseByte(s.trim());
            case "SHORT":
                return Short.parseShort(s.trim());
            case "INT":
                return Integer.parseInt(s.trim());
            case "LONG":
            case "BIG_INT":
                return Long.parseLong(s.trim());
            case "FLOAT":
                return Float.parseFloat(s.trim());
            case "DOUBLE":
                return Double.parseDouble(s.trim());
            case "BIG_DEC":
                return new BigDecimal(s.trim());
            case "SQL_DATE":
                return LocalDate.parse(s.trim());
            case "SQL_TIME":
                return java.time.LocalTime.parse(s.trim());
            case "SQL_TIMESTAMP":
                return Timestamp.valueOf(s.trim().replace('T', ' ')).toLocalDateTime();
            case "ROW": {
                JsonNode fields = t.get("fields");
                String[] parts = s.split(java.util.regex.Pattern.quote(arrayDelimiter), -1);
                if (parts.length != fields.size()) {
                    throw new IOException("the nested row '" + s + "' has " + parts.length + " fields, not "
                            + fields.size());
                }
                Row row = new Row(fields.size());
                for (int i = 0; i < parts.length; i++) {
                    row.setField(i, parts[i].equals(nullLiteral) ? null : convert(parts[i], fields.get(i)));
                }
                return row;
            }
            case "LIST": {
                List<Object> out = new ArrayList<>();
                for (String p : s.split(java.util.regex.Pattern.quote(arrayDelimiter), -1)) {
                    out.add(p.equals(nullLiteral) ? null : convert(p, t.get("element")));
                }
                return out;
            }
            default:
                throw new IOException("not supported yet: the type " + name + " in the CSV row format");
        }
    }

    @Override
    public boolean isEndOfStream(Object nextElement) {
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<Object> getProducedType() {
        return (TypeInformation<Object>) PythonTypes.of(type());
    }
}
