package io.sluice.connector.socket;

import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.operator.Output;
import io.sluice.table.api.TableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads delimited records from a TCP server without blocking: each {@link #pollNext} takes the bytes that have
 * arrived, splits them at the delimiter byte and emits the complete records as one batch (at most
 * {@link ReaderContext#batchSize()} rows). When the server closes the connection, a last record without a
 * delimiter is emitted too and the input ends. Only subtask 0 connects; other subtasks end at once.
 *
 * <p>The reader keeps no position: a job restarted from a checkpoint connects again and reads what the server
 * sends from then on (a socket cannot be replayed).
 */
final class SocketSourceReader implements SourceReader {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final String host;
    private final int port;
    private final byte delimiter;
    private final RecordsDecoder decoder;
    private final ReaderContext context;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    /** Bytes of a record whose delimiter has not arrived yet. */
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final List<byte[]> records = new ArrayList<>();
    private SocketChannel channel;
    private boolean ended;
    private long received;

    SocketSourceReader(String host, int port, byte delimiter, RecordsDecoder decoder, ReaderContext context) {
        this.host = host;
        this.port = port;
        this.delimiter = delimiter;
        this.decoder = decoder;
        this.context = context;
    }

    @Override
    public void open() throws IOException {
        if (context.subtaskIndex() != 0) {
            ended = true;
            return;
        }
        SocketChannel c = SocketChannel.open();
        try {
            c.socket().connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            c.configureBlocking(false);
        } catch (IOException e) {
            c.close();
            throw new TableException("The socket source cannot connect to " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
        channel = c;
    }

    @Override
    public ReadStatus pollNext(Output output) throws Exception {
        if (ended) {
            return emitRecords(output) ? ReadStatus.MORE_AVAILABLE : ReadStatus.END_OF_INPUT;
        }
        int batchSize = context.batchSize();
        while (records.size() < batchSize) {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                ended = true;
                if (partial.size() > 0) {
                    records.add(partial.toByteArray());
                    partial.reset();
                }
                break;
            }
            if (n == 0) {
                break;
            }
            split(buffer.array(), n);
        }
        if (emitRecords(output)) {
            return ReadStatus.MORE_AVAILABLE;
        }
        return ended ? ReadStatus.END_OF_INPUT : ReadStatus.NOTHING_AVAILABLE;
    }

    /** Splits {@code n} received bytes at the delimiter into complete records. */
    private void split(byte[] bytes, int n) {
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (bytes[i] == delimiter) {
                partial.write(bytes, start, i - start);
                records.add(partial.toByteArray());
                partial.reset();
                start = i + 1;
            }
        }
        partial.write(bytes, start, n - start);
    }

    /** Emits up to one batch of the complete records; false when there are none. */
    private boolean emitRecords(Output output) throws Exception {
        if (records.isEmpty()) {
            return false;
        }
        int n = Math.min(records.size(), context.batchSize());
        List<byte[]> chunk = new ArrayList<>(records.subList(0, n));
        records.subList(0, n).clear();
        RowBatch batch = decoder.decode(chunk, received,
                () -> RowBatch.allocate(context.producedType(), context.allocator(), n));
        received += n;
        if (batch.rowCount() == 0) {
            batch.close();
        } else {
            output.emit(batch);
        }
        return true;
    }

    /** Malformed records skipped so far (with the format's ignore-parse-errors option). */
    long skippedRecords() {
        return decoder.skippedRecords();
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
