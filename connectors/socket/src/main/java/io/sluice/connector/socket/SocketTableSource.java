package io.sluice.connector.socket;

import io.sluice.connector.filesystem.format.RecordDecoderFactory;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.types.RowType;

/**
 * An unbounded source reading delimited records from one TCP connection. Only the first parallel instance
 * connects (a socket is one stream); the others end at once. The input ends when the server closes the
 * connection.
 */
public final class SocketTableSource implements ScanTableSource {
    private final String host;
    private final int port;
    private final byte delimiter;
    private final String formatId;
    private final RecordDecoderFactory decoderFactory;
    private final RowType physicalType;

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

    @Override
    public SourceReader createReader(ReaderContext context) {
        return new SocketSourceReader(host, port, delimiter,
                new RecordsDecoder(decoderFactory, physicalType, context.projectedFields(), "socket " + host + ":"
                        + port), context);
    }

    @Override
    public String describe() {
        return "socket(hostname=" + host + ", port=" + port + ", format=" + formatId + ")";
    }
}
