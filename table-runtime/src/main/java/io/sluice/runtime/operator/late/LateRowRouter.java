package io.sluice.runtime.operator.late;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.ValueFormatter;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.metrics.OperatorMetrics;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Hands the late rows of one operator instance to its {@link LateRows#SIDE_OUTPUT late-rows side output}, when
 * the job routes late rows to a table: the operator {@link #add adds} each row it finds late while it processes
 * a batch, then {@link #flush flushes}, which emits them as one batch of {@link LateRows#SIDE_OUTPUT_TYPE} and
 * counts them as routed ({@link OperatorMetrics#lateRecordsRouted}). The operator keeps counting them as
 * dropped ({@code numLateRecordsDropped}): they are still late rows its result leaves out.
 *
 * <p>Until {@link #flush} the rows are held as Java values (late rows are few), so an operator that fails
 * between the two calls holds no Arrow memory for them. One instance per operator instance; not thread-safe.
 */
public final class LateRowRouter {
    private static final JsonFactory JSON = new JsonFactory();

    private final Output sideOutput;
    private final BufferAllocator allocator;
    private final OperatorMetrics metrics;
    private final ValueFormatter formatter;
    private final int batchSize;

    private long[] watermarks = new long[16];
    private long[] rowTimes = new long[16];
    private long[] arrivals = new long[16];
    private String[] rows = new String[16];
    private int count;

    private LateRowRouter(OperatorContext context, Output sideOutput) {
        this.sideOutput = sideOutput;
        this.allocator = context.allocator();
        this.metrics = context.metrics();
        this.formatter = new ValueFormatter(ZoneId.of(context.config().get(ExecutionOptions.LOCAL_TIME_ZONE)));
        this.batchSize = Math.max(1, context.batchSize());
    }

    /**
     * A router for the operator instance of {@code context}, or null when the job does not route late rows (the
     * operator then drops them, as before).
     */
    public static LateRowRouter open(OperatorContext context) {
        Output side = context.sideOutput(LateRows.SIDE_OUTPUT);
        return side == null ? null : new LateRowRouter(context, side);
    }

    /**
     * Adds row {@code row} of {@code batch} (an input batch of the operator), found late against {@code watermark} by its time
     * {@code rowTime} (epoch milliseconds; {@link LateRows#NO_TIME} for none, as {@code watermark} before the
     * first one).
     */
    public void add(RowBatch batch, int row, long rowTime, long watermark) throws Exception {
        if (count == rows.length) {
            int n = 2 * count;
            watermarks = Arrays.copyOf(watermarks, n);
            rowTimes = Arrays.copyOf(rowTimes, n);
            arrivals = Arrays.copyOf(arrivals, n);
            rows = Arrays.copyOf(rows, n);
        }
        watermarks[count] = watermark;
        rowTimes[count] = rowTime;
        arrivals[count] = System.currentTimeMillis();
        rows[count] = json(batch, row);
        count++;
        if (count >= batchSize) {
            flush();
        }
    }

    /** Emits the rows added since the last flush, if any, and counts them as routed. */
    public void flush() throws Exception {
        if (count == 0) {
            return;
        }
        int n = count;
        count = 0;
        RowBatch out = RowBatch.allocate(LateRows.SIDE_OUTPUT_TYPE, allocator, n);
        try {
            TimeStampMilliTZVector watermark = (TimeStampMilliTZVector) out.vector(0);
            TimeStampMilliTZVector rowTime = (TimeStampMilliTZVector) out.vector(1);
            TimeStampMilliTZVector arrivedAt = (TimeStampMilliTZVector) out.vector(2);
            VarCharVector lateRow = (VarCharVector) out.vector(3);
            for (int i = 0; i < n; i++) {
                setTime(watermark, i, watermarks[i]);
                setTime(rowTime, i, rowTimes[i]);
                arrivedAt.setSafe(i, arrivals[i]);
                lateRow.setSafe(i, rows[i].getBytes(StandardCharsets.UTF_8));
                rows[i] = null;
            }
            out.setRowCount(n);
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
        metrics.lateRecordsRouted(n);
        sideOutput.emit(out);
    }

    private static void setTime(TimeStampMilliTZVector v, int i, long millis) {
        if (millis == LateRows.NO_TIME || millis == Long.MAX_VALUE) {
            v.setNull(i);
        } else {
            v.setSafe(i, millis);
        }
    }

    /** Row {@code row} of {@code batch} as a JSON object: column names as keys, in column order. */
    private String json(RowBatch batch, int row) {
        RowType inputType = batch.type();
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            for (int c = 0; c < inputType.size(); c++) {
                g.writeFieldName(inputType.name(c));
                LogicalType type = inputType.type(c);
                writeValue(g, type, VectorValues.get(type, batch.vector(c), row));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * Writes one value: numbers and booleans as JSON numbers and booleans, strings as strings, bytes in base64 (as
     * Flink's JSON format writes them), every other type as the text Sluice prints it with.
     */
    private void writeValue(JsonGenerator g, LogicalType type, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeString(Double.toString(d));
            }
        } else if (value instanceof Number n) {
            g.writeNumber(n.longValue());
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof byte[] bytes) {
            g.writeString(Base64.getEncoder().encodeToString(bytes));
        } else if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            g.writeString(String.valueOf(value));
        } else {
            g.writeString(formatter.format(type, value));
        }
    }
}
