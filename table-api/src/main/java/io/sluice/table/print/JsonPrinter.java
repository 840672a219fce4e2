package io.sluice.table.print;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.types.Row;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;

/**
 * JSON lines: one object per row and line, keyed by column name in column order, with {@code "op"} first when the
 * row kind is printed. Integers and decimals are JSON numbers (decimals in plain notation), FLOAT/DOUBLE too unless
 * NaN or infinite (then the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}), BOOLEAN is
 * {@code true}/{@code false}, NULL is {@code null}, and every other value is the string Flink's rendering gives
 * ({@code "2024-01-31 10:00:00.000"}, {@code "x'0a1b'"}, {@code "+1 02:03:04.000"}, ...). No header line.
 */
public final class JsonPrinter implements ResultPrinter {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final boolean printRowKind;
    private final ZoneId localTimeZone;

    /**
     * @param printRowKind put the row kind first in each object as {@code "op"} (streaming query results)
     * @param localTimeZone zone for TIMESTAMP_LTZ values
     */
    public JsonPrinter(boolean printRowKind, ZoneId localTimeZone) {
        this.printRowKind = printRowKind;
        this.localTimeZone = localTimeZone;
    }

    @Override
    public long print(ResolvedSchema schema, Iterator<Row> rows, PrintWriter out) {
        FieldFormatter formatter = new FieldFormatter(schema, localTimeZone);
        List<String> names = schema.getColumnNames();
        long n = 0;
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            gen.setRootValueSeparator(null);
            while (rows.hasNext()) {
                Row row = rows.next();
                formatter.checkArity(row);
                gen.writeStartObject();
                if (printRowKind) {
                    gen.writeStringField(ROW_KIND_COLUMN, row.getKind().shortString());
                }
                for (int i = 0; i < names.size(); i++) {
                    gen.writeFieldName(names.get(i));
                    writeValue(gen, formatter, row, i);
                }
                gen.writeEndObject();
                gen.writeRaw('\n');
                gen.flush();
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
        return n;
    }

    private static void writeValue(JsonGenerator gen, FieldFormatter formatter, Row row, int i) throws IOException {
        Object value = row.getField(i);
        if (value == null) {
            gen.writeNull();
            return;
        }
        LogicalType type = formatter.type(i);
        switch (type.root()) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                gen.writeNumber(((Number) value).longValue());
                return;
            case DECIMAL:
                gen.writeNumber((BigDecimal) value);
                return;
            case FLOAT:
            case DOUBLE:
                double d = ((Number) value).doubleValue();
                if (Double.isFinite(d)) {
                    if (value instanceof Float) {
                        gen.writeNumber((Float) value);
                    } else {
                        gen.writeNumber(d);
                    }
                } else {
                    gen.writeString(formatter.format(row, i));
                }
                return;
            case BOOLEAN:
                gen.writeBoolean((Boolean) value);
                return;
            default:
                gen.writeString(formatter.format(row, i));
        }
    }
}
