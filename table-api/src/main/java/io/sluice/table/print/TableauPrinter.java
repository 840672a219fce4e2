package io.sluice.table.print;

import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.Column;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.types.Row;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Flink's tableau: a {@code +---+} boxed table with right-aligned cells, {@code <NULL>} for nulls and values wider
 * than the column cut to fit and ended with {@code ...}.
 *
 * <ul>
 *   <li>Without the row kind (batch results, SHOW output): all rows are read first and each column is as wide as
 *       its widest name or value, capped at {@code maxColumnWidth}. The footer is {@code N rows in set},
 *       {@code 1 row in set}, or only {@code Empty set} when there is no row.</li>
 *   <li>With the row kind (streaming query results): the header is printed at once and each row as it arrives,
 *       so column widths come from the column types (e.g. 11 for INT, 23 for TIMESTAMP(3), {@code maxColumnWidth}
 *       for strings); the table is closed with {@code Received a total of N rows} ({@code row} for 0 or 1,
 *       as Flink writes it).</li>
 * </ul>
 * Widths count terminal cells (see {@link DisplayWidth}).
 */
public final class TableauPrinter implements ResultPrinter {
    /** Shown for NULL values. */
    public static final String NULL_VALUE = "<NULL>";
    private static final String TRUNCATED = "...";

    private final boolean printRowKind;
    private final ZoneId localTimeZone;
    private final int maxColumnWidth;

    /**
     * @param printRowKind print the {@code op} column and stream rows (streaming query results)
     * @param localTimeZone zone for TIMESTAMP_LTZ values
     * @param maxColumnWidth widest a column may be (Flink's default is 30); at least 4
     */
    public TableauPrinter(boolean printRowKind, ZoneId localTimeZone, int maxColumnWidth) {
        if (maxColumnWidth < TRUNCATED.length() + 1) {
            throw new IllegalArgumentException("maxColumnWidth must be at least 4, was " + maxColumnWidth);
        }
        this.printRowKind = printRowKind;
        this.localTimeZone = localTimeZone;
        this.maxColumnWidth = maxColumnWidth;
    }

    @Override
    public long print(ResolvedSchema schema, Iterator<Row> rows, PrintWriter out) {
        FieldFormatter formatter = new FieldFormatter(schema, localTimeZone);
        String[] names = headerNames(schema);
        long count = printRowKind ? printStreaming(schema, names, formatter, rows, out)
                : printBatch(names, formatter, rows, out);
        out.flush();
        return count;
    }

    private long printBatch(String[] names, FieldFormatter formatter, Iterator<Row> rows, PrintWriter out) {
        if (!rows.hasNext()) {
            line(out, "Empty set");
            return 0;
        }
        List<String[]> cells = new ArrayList<>();
        while (rows.hasNext()) {
            cells.add(cells(formatter, rows.next()));
        }
        int[] widths = widthsByContent(names, cells, maxColumnWidth);
        String border = border(widths);
        line(out, border);
        line(out, boxedRow(names, widths));
        line(out, border);
        for (String[] row : cells) {
            line(out, boxedRow(row, widths));
        }
        line(out, border);
        int n = cells.size();
        line(out, n + (n == 1 ? " row" : " rows") + " in set");
        return n;
    }

    private long printStreaming(ResolvedSchema schema, String[] names, FieldFormatter formatter, Iterator<Row> rows,
            PrintWriter out) {
        int[] widths = widthsByType(schema.getColumns(), maxColumnWidth);
        String border = border(widths);
        line(out, border);
        line(out, boxedRow(names, widths));
        line(out, border);
        out.flush();
        long n = 0;
        while (rows.hasNext()) {
            line(out, boxedRow(cells(formatter, rows.next()), widths));
            out.flush();
            n++;
        }
        if (n > 0) {
            line(out, border);
        }
        line(out, "Received a total of " + n + (n > 1 ? " rows" : " row"));
        return n;
    }

    private String[] headerNames(ResolvedSchema schema) {
        List<String> names = schema.getColumnNames();
        int offset = printRowKind ? 1 : 0;
        String[] header = new String[names.size() + offset];
        if (printRowKind) {
            header[0] = ROW_KIND_COLUMN;
        }
        for (int i = 0; i < names.size(); i++) {
            header[i + offset] = names.get(i);
        }
        return header;
    }

    private String[] cells(FieldFormatter formatter, Row row) {
        formatter.checkArity(row);
        int offset = printRowKind ? 1 : 0;
        String[] cells = new String[formatter.columnCount() + offset];
        if (printRowKind) {
            cells[0] = row.getKind().shortString();
        }
        for (int i = 0; i < formatter.columnCount(); i++) {
            String s = formatter.format(row, i);
            cells[i + offset] = s == null ? NULL_VALUE : s;
        }
        return cells;
    }

    /** Each column as wide as its widest name or cell, capped at {@code max}. */
    static int[] widthsByContent(String[] names, List<String[]> rows, int max) {
        int[] widths = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            widths[i] = DisplayWidth.of(names[i]);
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], DisplayWidth.of(row[i]));
            }
        }
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.min(widths[i], max);
        }
        return widths;
    }

    /** Widths for streaming output: the {@code op} column, then each column's name, type width and {@code <NULL>}. */
    int[] widthsByType(List<Column> columns, int max) {
        int offset = printRowKind ? 1 : 0;
        int[] widths = new int[columns.size() + offset];
        if (printRowKind) {
            widths[0] = ROW_KIND_COLUMN.length();
        }
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            int typeWidth = Math.max(typeWidth(c.getDataType().getLogicalType(), max), NULL_VALUE.length());
            widths[i + offset] = Math.max(DisplayWidth.of(c.getName()), typeWidth);
        }
        return widths;
    }

    /** The widest rendering a value of this type can have, or {@code max} when it has no small bound. */
    static int typeWidth(LogicalType type, int max) {
        switch (type.root()) {
            case TINYINT:
                return 4;
            case SMALLINT:
                return 6;
            case INTEGER:
                return 11;
            case BIGINT:
                return 20;
            case DECIMAL:
                return type.precision() + 2;
            case BOOLEAN:
                return 5;
            case DATE:
                return 10;
            case TIME:
                return type.precision() == 0 ? 8 : 9 + type.precision();
            case TIMESTAMP:
            case TIMESTAMP_LTZ:
                return type.precision() == 0 ? 19 : 20 + type.precision();
            case NULL:
                return NULL_VALUE.length();
            default:
                return max;
        }
    }

    static String border(int[] widths) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : widths) {
            for (int i = 0; i < w + 2; i++) {
                sb.append('-');
            }
            sb.append('+');
        }
        return sb.toString();
    }

    static String boxedRow(String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            sb.append(' ');
            String cell = cells[i];
            int w = DisplayWidth.of(cell);
            if (w <= widths[i]) {
                for (int p = w; p < widths[i]; p++) {
                    sb.append(' ');
                }
                sb.append(cell);
            } else {
                sb.append(DisplayWidth.truncate(cell, widths[i] - TRUNCATED.length())).append(TRUNCATED);
            }
            sb.append(" |");
        }
        return sb.toString();
    }

    private static void line(PrintWriter out, String s) {
        out.write(s);
        out.write('\n');
    }
}
