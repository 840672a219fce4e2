package io.sluice.datastream.runtime.source;

import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The text of a socket ({@code socketTextStream}), split at a delimiter, read by instance 0 (the source is not
 * parallel). A thread reads the socket; when the server closes the connection the text after the last delimiter is
 * the last record, and the source connects again up to {@code maxRetry} times ({@code -1}: for ever), waiting
 * {@value #RETRY_DELAY_MS} ms before each attempt, then ends. A record delimited by {@code "\n"} loses a trailing
 * {@code "\r"}. The source does not resume after a failure where it was: a restarted job reads what the server then
 * sends.
 */
public final class SocketTextSource implements ScanTableSource {
    static final long RETRY_DELAY_MS = 500;
    private final String hostname;
    private final int port;
    private final String delimiter;
    private final long maxRetry;
    private final StateSerializer<String> serializer;

    public SocketTextSource(String hostname, int port, String delimiter, long maxRetry,
            StateSerializer<String> serializer) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port is out of range");
        }
        if (maxRetry < -1) {
            throw new IllegalArgumentException("maxRetry must be >= -1");
        }
        if (delimiter == null || delimiter.isEmpty()) {
            throw new IllegalArgumentException("the delimiter must not be empty");
        }
        this.hostname = hostname;
        this.port = port;
        this.delimiter = delimiter;
        this.maxRetry = maxRetry;
        this.serializer = serializer;
    }

    @Override
    public boolean isBounded() {
        return false;
    }

    @Override
    public SourceReader createReader(ReaderContext context) {
        return new SocketReader(context, context.subtaskIndex() == 0);
    }

    @Override
    public String describe() {
        return "socket(" + hostname + ":" + port + ")";
    }

    /** Marks the end of the text in the queue. */
    private static final String END = new String("end of the socket text");

    private final class SocketReader implements SourceReader {
        private final ReaderContext context;
        private final boolean active;
        private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>(10_000);
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);
        private volatile boolean running = true;
        private volatile Socket socket;
        private volatile Exception failure;
        private Thread thread;
        private boolean ended;

        SocketReader(ReaderContext context, boolean active) {
            this.context = context;
            this.active = active;
        }

        @Override
        public void open() {
            if (!active) {
                return;
            }
            thread = new Thread(this::readAll, "socket-text-source " + hostname + ":" + port);
            thread.setDaemon(true);
            thread.start();
        }

        /** Reads the socket, reconnecting as allowed, and queues its records; then the end. */
        private void readAll() {
            try {
                long attempts = 0;
                while (running) {
                    try (Socket s = new Socket()) {
                        socket = s;
                        s.connect(new InetSocketAddress(hostname, port), 0);
                        read(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    }
                    attempts++;
                    if (!running || (maxRetry != -1 && attempts > maxRetry)) {
                        break;
                    }
                    Thread.sleep(RETRY_DELAY_MS);
                }
            } catch (Exception e) {
                if (running) {
                    failure = e;
                }
            } finally {
                try {
                    lines.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void read(Reader reader) throws IOException, InterruptedException {
            StringBuilder buffer = new StringBuilder();
            char[] chunk = new char[8192];
            int n;
            while (running && (n = reader.read(chunk)) != -1) {
                buffer.append(chunk, 0, n);
                int at;
                while ((at = buffer.indexOf(delimiter)) != -1) {
                    String record = buffer.substring(0, at);
                    if (delimiter.equals("\n") && record.endsWith("\r")) {
                        record = record.substring(0, record.length() - 1);
                    }
                    lines.put(record);
                    buffer.delete(0, at + delimiter.length());
                }
            }
            if (running && buffer.length() > 0) {
                lines.put(buffer.toString());
            }
        }

        @Override
        public ReadStatus pollNext(io.sluice.runtime.operator.Output output) throws Exception {
            if (!active || ended) {
                return ReadStatus.END_OF_INPUT;
            }
            List<byte[]> records = new ArrayList<>();
            String line = lines.poll(records.isEmpty() ? 20 : 0, TimeUnit.MILLISECONDS);
            while (line != null) {
                if (line == END) {
                    ended = true;
                    break;
                }
                bytes.reset();
                serializer.serialize(line, out);
                out.flush();
                records.add(bytes.toByteArray());
                line = records.size() < context.batchSize() ? lines.poll() : null;
            }
            RecordReader.emit(context, records, output);
            if (ended && failure != null) {
                throw new IOException("Cannot read the socket " + hostname + ":" + port + ": "
                        + failure.getMessage(), failure);
            }
            return ended ? ReadStatus.END_OF_INPUT
                    : records.isEmpty() ? ReadStatus.NOTHING_AVAILABLE : ReadStatus.MORE_AVAILABLE;
        }

        @Override
        public void close() throws Exception {
            running = false;
            Socket s = socket;
            if (s != null) {
                s.close();
            }
            if (thread != null) {
                thread.interrupt();
                thread.join(1000);
            }
        }
    }
}
