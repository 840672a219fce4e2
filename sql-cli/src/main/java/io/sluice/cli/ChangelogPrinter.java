package io.sluice.cli;

import io.sluice.runtime.data.ValueFormatter;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.print.DisplayWidth;
import io.sluice.table.print.ResultPrinter;
import io.sluice.table.print.TableauPrinter;
import io.sluice.types.Row;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;

/**
 * The shell's {@code changelog} result mode: a header line, then one line per change as it arrives, starting with
 * its row kind ({@code +I}, {@code -U}, {@code +U}, {@code -D}), columns separated by {@code |}. A column is as
 * wide as its name at first and widens for wider values (capped at {@code maxColumnWidth}, longer values cut with
 * {@code ...}); earlier lines are not redrawn. Ends with {@code Received a total of N rows}.
 */
final class ChangelogPrinter implements ResultPrinter {
    private final ValueFormatter formatter;
    private final int maxColumnWidth;

    ChangelogPrinter(ZoneId localTimeZone, int maxColumnWidth) {
        this.formatter = new ValueFormatter(localTimeZone);
        this.maxColumnWidth = Math.max(4, maxColumnWidth);
    }

    @Override
    public long print(ResolvedSchema schema, Iterator<Row> rows, PrintWriter out) {
        List<String> names = schema.getColumnNames();
        LogicalType[] types = new LogicalType[names.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = schema.getColumnDataTypes().get(i).getLogicalType();
        }
        int[] widths = new int[names.size() + 1];
        String[] cells = new String[widths.length];
        cells[0] = ROW_KIND_COLUMN;
        for (int i = 0; i < names.size(); i++) {
            cells[i + 1] = names.get(i);
        }
        out.println(line(cells, widths));
        out.flush();
        long n = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            cells[0] = row.getKind().shortString();
            for (int i = 0; i < types.length; i++) {
                Object value = row.getField(i);
                cells[i + 1] = value == null ? TableauPrinter.NULL_VALUE : formatter.format(types[i], value);
            }
            out.println(line(cells, widths));
            out.flush();
            n++;
        }
        out.println("Received a total of " + n + (n > 1 ? " rows" : " row"));
        out.flush();
        return n;
    }

    /** The cells left-aligned in their columns; widens {@code widths} as needed. */
    private String line(String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String cell = Cells.fit(cells[i], maxColumnWidth);
            int w = DisplayWidth.of(cell);
            widths[i] = Math.max(widths[i], w);
            if (i > 0) {
                sb.append(" | ");
            }
            sb.append(i < cells.length - 1 ? Cells.pad(cell, widths[i], false) : cell);
        }
        return sb.toString();
    }
}
