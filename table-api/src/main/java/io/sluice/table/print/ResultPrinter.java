package io.sluice.table.print;

import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.TableResult;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.Iterator;

/**
 * Writes the rows of a query result in one output format. Implementations print each row as soon as the format
 * allows (every format but batch tableau, which needs all rows to size its columns) and flush after each row, so a
 * streaming query shows its changes as they arrive.
 *
 * <p>Typical use:
 * <pre>{@code
 * ResultPrinter printer = ResultPrinter.forFormat("csv", streaming, ZoneId.of("UTC"));
 * printer.print(tableResult, new PrintWriter(System.out));
 * }</pre>
 */
public interface ResultPrinter {
    /** Flink's default cap on the width of a tableau column ({@code sql-client.display.max-column-width}). */
    int DEFAULT_MAX_COLUMN_WIDTH = 30;

    /** The name of the leading row-kind column ({@code +I}, {@code -U}, {@code +U}, {@code -D}). */
    String ROW_KIND_COLUMN = "op";

    /**
     * Prints every row {@code rows} yields, laid out for {@code schema}, then flushes {@code out}. Blocks while the
     * iterator blocks. Does not close the iterator.
     *
     * @return the number of rows printed
     */
    long print(ResolvedSchema schema, Iterator<Row> rows, PrintWriter out);

    /** Prints all rows of {@code result} (see {@link #print(ResolvedSchema, Iterator, PrintWriter)}), then closes its iterator. */
    default long print(TableResult result, PrintWriter out) {
        try (CloseableIterator<Row> rows = result.collect()) {
            return print(result.getResolvedSchema(), rows, out);
        }
    }

    /**
     * The printer for a format name ({@code table}, {@code tableau}, {@code csv}, {@code tsv}, {@code json}).
     *
     * @param printRowKind whether rows start with the {@code op} column (streaming query results)
     * @param localTimeZone zone for TIMESTAMP_LTZ values ({@code table.local-time-zone})
     * @throws IllegalArgumentException for an unknown format, naming the valid ones
     */
    static ResultPrinter forFormat(String format, boolean printRowKind, ZoneId localTimeZone) {
        return forFormat(ResultFormat.parse(format), printRowKind, localTimeZone, DEFAULT_MAX_COLUMN_WIDTH);
    }

    /** The printer for a format; {@code maxColumnWidth} only matters to tableau. */
    static ResultPrinter forFormat(ResultFormat format, boolean printRowKind, ZoneId localTimeZone, int maxColumnWidth) {
        switch (format) {
            case TABLEAU:
                return new TableauPrinter(printRowKind, localTimeZone, maxColumnWidth);
            case CSV:
                return new CsvPrinter(printRowKind, localTimeZone);
            case TSV:
                return new TsvPrinter(printRowKind, localTimeZone);
            case JSON:
                return new JsonPrinter(printRowKind, localTimeZone);
            default:
                throw new IllegalArgumentException("Unknown result format: " + format);
        }
    }
}
