package io.sluice.server.pg;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Substitutes the parameters of a Bind ({@code $1}, {@code $2}, ...) into the statement text as SQL literals of
 * their declared types: Sluice plans the statement with the values in place. {@code $n} inside quotes and comments
 * is left alone.
 */
final class PgParameterBinder {
    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(\\d+\\.?\\d*([eE][+-]?\\d+)?|\\.\\d+([eE][+-]?\\d+)?)");

    private PgParameterBinder() {
    }

    /** The highest {@code $n} in the text (0 when it has none). */
    static int parameterCount(String sql) {
        int[] max = {0};
        scan(sql, (n, start, end) -> max[0] = Math.max(max[0], n));
        return max[0];
    }

    /**
     * The text with every {@code $n} replaced by the literal for {@code values[n-1]} (null: SQL NULL).
     *
     * @param types the parameter type OIDs (0: unspecified)
     * @param formats the parameter format codes
     */
    static String bind(String sql, int[] types, short[] formats, byte[][] values) {
        String[] literals = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            int oid = i < types.length ? types[i] : 0;
            literals[i] = literal(PgType.ofOid(oid), oid, PgFormats.formatOf(formats, i), values[i], i + 1);
        }
        StringBuilder out = new StringBuilder(sql.length() + 16 * values.length);
        int[] copied = {0};
        scan(sql, (n, start, end) -> {
            if (n > literals.length) {
                throw new PgProtocolException("08P01", "statement uses $" + n + " but only " + literals.length
                        + " parameters were bound");
            }
            out.append(sql, copied[0], start).append(literals[n - 1]);
            copied[0] = end;
        });
        return out.append(sql, copied[0], sql.length()).toString();
    }

    static String literal(PgType type, int oid, short format, byte[] value, int position) {
        if (value == null) {
            return "NULL";
        }
        if (format == PgFormats.BINARY) {
            return binaryLiteral(type, oid, ByteBuffer.wrap(value), position);
        }
        String text = new String(value, StandardCharsets.UTF_8);
        if (type == null) {
            return quote(text);
        }
        switch (type) {
            case INT2:
            case INT4:
            case INT8:
            case FLOAT4:
            case FLOAT8:
            case NUMERIC:
                if (!NUMBER.matcher(text.trim()).matches()) {
                    throw new PgProtocolException("22P02", "invalid input syntax for type " + type.pgName()
                            + " in parameter $" + position + ": \"" + text + "\"");
                }
                if (type == PgType.FLOAT4 || type == PgType.FLOAT8) {
                    return "CAST(" + text.trim() + (type == PgType.FLOAT4 ? " AS FLOAT)" : " AS DOUBLE)");
                }
                return text.trim();
            case BOOL:
                return parseBool(text, position) ? "TRUE" : "FALSE";
            case DATE:
                return "DATE " + quote(text.trim());
            case TIMESTAMP:
                return "TIMESTAMP " + quote(text.trim());
            case TIMESTAMPTZ:
                return "TO_TIMESTAMP_LTZ(" + quote(text.trim()) + ")";
            case TIME:
                return "TIME " + quote(text.trim());
            case BYTEA:
                return bytesLiteral(text.startsWith("\\x") ? hexToBytes(text.substring(2), position) : value);
            default:
                return quote(text);
        }
    }

    private static String binaryLiteral(PgType type, int oid, ByteBuffer b, int position) {
        if (type == null) {
            throw new PgProtocolException("22P03", "binary parameter $" + position + " of type oid " + oid
                    + " is not supported yet; send it in text format");
        }
        switch (type) {
            case BOOL:
                return b.get() != 0 ? "TRUE" : "FALSE";
            case INT2:
                return Short.toString(b.getShort());
            case INT4:
                return Integer.toString(b.getInt());
            case INT8:
                return Long.toString(b.getLong());
            case FLOAT4:
                return "CAST(" + floatLiteral(b.getFloat()) + " AS FLOAT)";
            case FLOAT8:
                return "CAST(" + floatLiteral(b.getDouble()) + " AS DOUBLE)";
            case NUMERIC:
                return PgValueEncoder.numericFromBinary(b).toPlainString();
            case TEXT:
            case VARCHAR:
            case BPCHAR:
                return quote(StandardCharsets.UTF_8.decode(b).toString());
            case BYTEA: {
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                return bytesLiteral(bytes);
            }
            case DATE:
                return "DATE '" + PgValueEncoder.PG_EPOCH_DATE.plusDays(b.getInt()) + "'";
            case TIMESTAMP:
                return "TIMESTAMP '" + timestampText(PgValueEncoder.PG_EPOCH.plus(b.getLong(), ChronoUnit.MICROS))
                        + "'";
            case TIMESTAMPTZ: {
                java.time.Instant epoch = PgValueEncoder.PG_EPOCH.toInstant(ZoneOffset.UTC);
                long millis = ChronoUnit.MILLIS.between(epoch, epoch.plus(b.getLong(), ChronoUnit.MICROS));
                return "TO_TIMESTAMP_LTZ(" + millis + ", 3)";
            }
            default:
                throw new PgProtocolException("22P03", "binary parameter $" + position + " of type " + type.pgName()
                        + " is not supported yet; send it in text format");
        }
    }

    private static String floatLiteral(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new PgProtocolException("22P03", "parameter value " + d + " is not supported yet");
        }
        return new BigDecimal(Double.toString(d)).toPlainString();
    }

    private static String timestampText(LocalDateTime t) {
        return t.toLocalDate() + " " + t.toLocalTime();
    }

    private static boolean parseBool(String text, int position) {
        switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "t": case "true": case "y": case "yes": case "on": case "1":
                return true;
            case "f": case "false": case "n": case "no": case "off": case "0":
                return false;
            default:
                throw new PgProtocolException("22P02", "invalid input syntax for type boolean in parameter $" + position
                        + ": \"" + text + "\"");
        }
    }

    private static byte[] hexToBytes(String hex, int position) {
        if (hex.length() % 2 != 0) {
            throw new PgProtocolException("22P02", "invalid hexadecimal bytea in parameter $" + position);
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private static String bytesLiteral(byte[] bytes) {
        StringBuilder sb = new StringBuilder("X'");
        for (byte x : bytes) {
            sb.append(String.format("%02x", x));
        }
        return sb.append('\'').toString();
    }

    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private interface PlaceholderVisitor {
        void visit(int number, int start, int end);
    }

    /** Finds {@code $n} outside quoted text and comments. */
    private static void scan(String sql, PlaceholderVisitor visitor) {
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == c) {
                        if (j + 1 < n && sql.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                i = j + 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && Character.isDigit(sql.charAt(j))) {
                    j++;
                }
                visitor.visit(Integer.parseInt(sql.substring(i + 1, j)), i, j);
                i = j;
            } else {
                i++;
            }
        }
    }
}
