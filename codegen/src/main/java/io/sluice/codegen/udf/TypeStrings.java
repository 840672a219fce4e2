package io.sluice.codegen.udf;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses SQL type strings as written in {@code @DataTypeHint}: {@code INT}, {@code DECIMAL(10, 2)},
 * {@code STRING}, {@code VARCHAR(20)}, {@code TIMESTAMP(3)}, {@code TIMESTAMP_LTZ(3)},
 * {@code TIMESTAMP(3) WITH LOCAL TIME ZONE}, {@code BYTES}, {@code ... NOT NULL}, the constructed types
 * {@code ARRAY<TYPE>}, {@code MULTISET<TYPE>}, {@code MAP<TYPE, TYPE>} and {@code ROW<name TYPE, ...>} (or
 * {@code ROW(name TYPE, ...)}), nested to any depth; for table function rows {@link #parseRow}.
 */
public final class TypeStrings {
    private final String text;
    private final List<String> tokens = new ArrayList<>();
    private int pos;

    private TypeStrings(String text) {
        this.text = text;
        tokenize();
    }

    /** A scalar type. */
    public static LogicalType parseType(String text) {
        TypeStrings p = new TypeStrings(text);
        LogicalType t = p.type();
        p.expectEnd();
        return t;
    }

    /** The fields of {@code ROW<name TYPE, ...>} or {@code ROW(name TYPE, ...)} after the word ROW. */
    private LogicalType rowFields() {
        String close = peekIs("<") ? ">" : ")";
        expect(close.equals(">") ? "<" : "(");
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        if (peekIs(close)) {
            pos++;
            return LogicalType.row(names, types);
        }
        while (true) {
            names.add(identifier());
            types.add(type());
            if (peekIs(",")) {
                pos++;
                continue;
            }
            expect(close);
            return LogicalType.row(names, types);
        }
    }

    /** A {@code ROW<...>} type, or null when {@code text} is not a ROW type. */
    public static RowType parseRow(String text) {
        TypeStrings p = new TypeStrings(text);
        if (!p.peekIs("ROW")) {
            return null;
        }
        p.pos++;
        String close = p.peekIs("<") ? ">" : ")";
        p.expect(close.equals(">") ? "<" : "(");
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        while (true) {
            names.add(p.identifier());
            types.add(p.type());
            if (p.peekIs(",")) {
                p.pos++;
                continue;
            }
            p.expect(close);
            break;
        }
        p.expectEnd();
        return new RowType(names, types);
    }

    private void tokenize() {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '`') {
                int end = text.indexOf('`', i + 1);
                if (end < 0) {
                    throw error("unterminated quoted name");
                }
                tokens.add(text.substring(i, end + 1));
                i = end + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(text.substring(start, i));
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
    }

    private ValidationException error(String what) {
        return new ValidationException("Invalid data type '" + text + "' in @DataTypeHint: " + what + ".");
    }

    private boolean peekIs(String word) {
        return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(word);
    }

    private String next() {
        if (pos >= tokens.size()) {
            throw error("unexpected end");
        }
        return tokens.get(pos++);
    }

    private void expect(String token) {
        String t = next();
        if (!t.equalsIgnoreCase(token)) {
            throw error("expected '" + token + "' but found '" + t + "'");
        }
    }

    private void expectEnd() {
        if (pos < tokens.size()) {
            throw error("unexpected '" + tokens.get(pos) + "'");
        }
    }

    private String identifier() {
        String t = next();
        return t.startsWith("`") ? t.substring(1, t.length() - 1) : t;
    }

    private int number() {
        String t = next();
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw error("expected a number but found '" + t + "'");
        }
    }

    /** {@code (n)} if present, else {@code dflt}. */
    private int optionalLength(int dflt) {
        if (!peekIs("(")) {
            return dflt;
        }
        pos++;
        int n = number();
        expect(")");
        return n;
    }

    private LogicalType type() {
        LogicalType t = baseType();
        if (peekIs("NOT")) {
            pos++;
            expect("NULL");
            return t.notNull();
        }
        if (peekIs("NULL")) {
            pos++;
        }
        return t;
    }

    private LogicalType baseType() {
        String word = next().toUpperCase(Locale.ROOT);
        switch (word) {
            case "BOOLEAN":
                return LogicalType.booleanType();
            case "TINYINT":
                return LogicalType.tinyint();
            case "SMALLINT":
                return LogicalType.smallint();
            case "INT":
            case "INTEGER":
                return LogicalType.integer();
            case "BIGINT":
                return LogicalType.bigint();
            case "FLOAT":
            case "REAL":
                return LogicalType.floatType();
            case "DOUBLE":
                if (peekIs("PRECISION")) {
                    pos++;
                }
                return LogicalType.doubleType();
            case "DECIMAL":
            case "DEC":
            case "NUMERIC": {
                int p = 10;
                int s = 0;
                if (peekIs("(")) {
                    pos++;
                    p = number();
                    if (peekIs(",")) {
                        pos++;
                        s = number();
                    }
                    expect(")");
                }
                if (p < 1 || p > LogicalType.MAX_DECIMAL_PRECISION || s < 0 || s > p) {
                    throw error("DECIMAL precision must be 1..38 and scale 0..precision");
                }
                return LogicalType.decimal(p, s);
            }
            case "STRING":
                return LogicalType.string();
            case "VARCHAR":
                return LogicalType.varchar(optionalLength(1));
            case "CHAR":
                return LogicalType.of(TypeRoot.CHAR, optionalLength(1));
            case "BYTES":
                return LogicalType.bytes();
            case "VARBINARY":
                return LogicalType.of(TypeRoot.VARBINARY, optionalLength(1));
            case "BINARY":
                return LogicalType.of(TypeRoot.BINARY, optionalLength(1));
            case "DATE":
                return LogicalType.date();
            case "TIME": {
                int p = optionalLength(0);
                skipWithoutTimeZone();
                return LogicalType.of(TypeRoot.TIME, p);
            }
            case "TIMESTAMP": {
                int p = optionalLength(6);
                if (peekIs("WITH")) {
                    pos++;
                    expect("LOCAL");
                    expect("TIME");
                    expect("ZONE");
                    return LogicalType.timestampLtz(p);
                }
                skipWithoutTimeZone();
                return LogicalType.timestamp(p);
            }
            case "TIMESTAMP_LTZ":
                return LogicalType.timestampLtz(optionalLength(6));
            case "ARRAY": {
                expect("<");
                LogicalType element = type();
                expect(">");
                return LogicalType.array(element);
            }
            case "MULTISET": {
                expect("<");
                LogicalType element = type();
                expect(">");
                return LogicalType.multiset(element);
            }
            case "MAP": {
                expect("<");
                LogicalType key = type();
                expect(",");
                LogicalType value = type();
                expect(">");
                return LogicalType.map(key, value);
            }
            case "ROW":
                return rowFields();
            default:
                throw error("unknown or unsupported type '" + word + "'");
        }
    }

    private void skipWithoutTimeZone() {
        if (peekIs("WITHOUT")) {
            pos++;
            expect("TIME");
            expect("ZONE");
        }
    }
}
