package io.sluice.connector.kafka;

import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.ValidationException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;

/**
 * The metadata a Kafka sink writes from persisted {@code METADATA} columns, with Flink's keys: {@code timestamp}
 * (TIMESTAMP_LTZ(3), the record's timestamp; NULL lets the producer set it) and {@code headers} (Flink's
 * {@code MAP<STRING, BYTES>}, or a JSON object in a STRING column, see {@link KafkaHeaders}). The columns follow the physical
 * columns of the rows the writer receives.
 */
final class WritableMetadata implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    static final String TIMESTAMP = "timestamp";
    static final String HEADERS = "headers";

    /** Column index of each written key in the sink's rows, -1 when not written. */
    private final int timestampColumn;
    private final int headersColumn;
    private final LogicalType timestampType;
    private final LogicalType headersType;

    static final WritableMetadata NONE = new WritableMetadata(-1, -1, null, null);

    private WritableMetadata(int timestampColumn, int headersColumn, LogicalType timestampType,
            LogicalType headersType) {
        this.timestampColumn = timestampColumn;
        this.headersColumn = headersColumn;
        this.timestampType = timestampType;
        this.headersType = headersType;
    }

    /** Every writable key with its type, in Flink's order. */
    static Map<String, LogicalType> writable() {
        Map<String, LogicalType> all = new LinkedHashMap<>();
        all.put(HEADERS, KafkaMetadata.headersType());
        all.put(TIMESTAMP, LogicalType.timestampLtz(3));
        return all;
    }

    /** The metadata {@code keys} with their declared {@code types}, following {@code physicalCount} columns. */
    static WritableMetadata of(List<String> keys, List<LogicalType> types, int physicalCount, String tableName) {
        int timestamp = -1;
        int headers = -1;
        LogicalType timestampType = null;
        LogicalType headersType = null;
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            LogicalType t = types.get(i);
            boolean fits = key.equals(TIMESTAMP) ? t.root() == TypeRoot.TIMESTAMP_LTZ
                    : KafkaMetadata.fitsHeaders(t);
            if (!fits) {
                throw new ValidationException("Metadata column '" + key + "' of table " + tableName
                        + " must have type " + writable().get(key) + (key.equals(HEADERS) ? " (or STRING for JSON text)" : "")
                    + " to be written, but is declared " + t + ".");
            }
            if (key.equals(TIMESTAMP)) {
                timestamp = physicalCount + i;
                timestampType = t;
            } else {
                headers = physicalCount + i;
                headersType = t;
            }
        }
        return new WritableMetadata(timestamp, headers, timestampType, headersType);
    }

    /** The record timestamp of row {@code row}, or null (the producer's time). */
    Long timestamp(RowBatch batch, int row) {
        if (timestampColumn < 0 || batch.vector(timestampColumn).isNull(row)) {
            return null;
        }
        return ((Instant) VectorValues.get(timestampType, batch.vector(timestampColumn), row)).toEpochMilli();
    }

    /** The headers of row {@code row}, or null when none are written. */
    Headers headers(RowBatch batch, int row, String tableName) {
        if (headersColumn < 0 || batch.vector(headersColumn).isNull(row)) {
            return null;
        }
        Object value = VectorValues.get(headersType, batch.vector(headersColumn), row);
        return headersType.root() == TypeRoot.MAP ? KafkaHeaders.fromMap((Map<?, ?>) value)
                : KafkaHeaders.fromJson((String) value, tableName);
    }
}
