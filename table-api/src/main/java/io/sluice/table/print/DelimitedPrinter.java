package io.sluice.table.print;

import io.sluice.table.api.ResolvedSchema;
import io.sluice.types.Row;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;

/**
 * The shared shape of {@link CsvPrinter} and {@link TsvPrinter}: a header line of column names, then one line per
 * row, fields joined by a separator, NULL as an empty field, and a leading {@code op} column when the row kind is
 * printed. Subclasses decide how a text field is written.
 */
abstract class DelimitedPrinter implements ResultPrinter {
    private final boolean printRowKind;
    private final ZoneId localTimeZone;
    private final char separator;

    DelimitedPrinter(boolean printRowKind, ZoneId localTimeZone, char separator) {
        this.printRowKind = printRowKind;
        this.localTimeZone = localTimeZone;
        this.separator = separator;
    }

    /** Appends a non-null field, quoted or escaped as the format requires. */
    abstract void appendField(StringBuilder line, String value);

    @Override
    public long print(ResolvedSchema schema, Iterator<Row> rows, PrintWriter out) {
        FieldFormatter formatter = new FieldFormatter(schema, localTimeZone);
        StringBuilder line = new StringBuilder(128);
        if (printRowKind) {
            appendField(line, ROW_KIND_COLUMN);
        }
        List<String> names = schema.getColumnNames();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0 || printRowKind) {
                line.append(separator);
            }
            appendField(line, names.get(i));
        }
        out.write(line.append('\n').toString());
        out.flush();
        long n = 0;
        while (rows.hasNext()) {
            Row row = rows.next();
            formatter.checkArity(row);
            line.setLength(0);
            if (printRowKind) {
                line.append(row.getKind().shortString());
            }
            for (int i = 0; i < formatter.columnCount(); i++) {
                if (i > 0 || printRowKind) {
                    line.append(separator);
                }
                String value = formatter.format(row, i);
                if (value != null) {
                    appendField(line, value);
                }
            }
            out.write(line.append('\n').toString());
            out.flush();
            n++;
        }
        return n;
    }
}
