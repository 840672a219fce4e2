package io.sluice.table.sqltest;

import io.sluice.runtime.data.ValueFormatter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.Column;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.types.Row;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Renders result rows as the golden files spell them: fields joined by {@code |}, NULL as {@code NULL}, other
 * values through {@link ValueFormatter} in UTC. So that every row stays one non-blank line, an empty string is
 * written {@code (empty)}, and line feeds, carriage returns and tabs inside values are written {@code \n},
 * {@code \r} and {@code \t}.
 */
final class RowRenderer {
    private final ValueFormatter formatter = new ValueFormatter(ZoneOffset.UTC);
    private final LogicalType[] types;

    RowRenderer(ResolvedSchema schema) {
        List<Column> columns = schema.getColumns();
        this.types = new LogicalType[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i).getDataType().getLogicalType();
        }
    }

    /** One row as one line. */
    String render(Row row) {
        if (row.getArity() != types.length) {
            throw new AssertionError("row " + row + " has " + row.getArity() + " fields but the schema has "
                    + types.length + " columns");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < types.length; i++) {
            if (i > 0) {
                sb.append('|');
            }
            Object v = row.getField(i);
            if (v == null) {
                sb.append("NULL");
            } else {
                appendEscaped(sb, formatter.format(types[i], v));
            }
        }
        return sb.toString();
    }

    private static void appendEscaped(StringBuilder sb, String s) {
        if (s.isEmpty()) {
            sb.append("(empty)");
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
    }
}
