package io.sluice.connector.socket;

import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.runtime.connector.BadRecordCollector;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.connector.SupportsBadRecordRouting;
import io.sluice.runtime.types.RowType;

/**
 * An unbounded source reading delimited records from one TCP connection. Only the first parallel instance
 * connects (a socket is one stream); the others end at once. The input ends when the server closes the
 * connection.
 */
public final class SocketTableSource implements ScanTableSource, SupportsBadRecordRouting {
    private final String host;
    private final int port;
    private final byte delimiter;
    private final String formatId;
    private final RecordDecoderFactory decoderFactory;
    private final RowType physicalType;
    /** Set by {@link #applyBadRecordRouting}. */
    private boolean routeBadRecords;

    public SocketTableSource(String host, int port, byte delimiter, String formatId,
            RecordDecoderFactory decoderFactory, RowType physicalType) {
        this.host = host;
        this.port = port;
        this.delimiter = delimiter;
        this.formatId = formatId;
        this.decoderFactory = decoderFactory;
        this.physicalType = physicalType;
    }

    @Override
    public boolean isBounded() {
        return false;
    }

    /** Records the format cannot decode go to the table's bad-records table, with their number among the received. */
    @Override
    public void applyBadRecordRouting() {
        routeBadRecords = true;
    }

    @Override
    public SourceReader createReader(ReaderContext context) {
        return new SocketSourceReader(host, port, delimiter,
                new RecordsDecoder(decoderFactory, physicalType, context.projectedFields(), "socket " + host + ":"
                        + port, routeBadRecords ? BadRecordCollector.open(context) : null), context);
    }

    @Override
    public String describe() {
        return "socket(hostname=" + host + ", port=" + port + ", format=" + formatId + ")";
    }
}
