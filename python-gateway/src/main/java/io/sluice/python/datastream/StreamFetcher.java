package io.sluice.python.datastream;

import io.sluice.util.CloseableIterator;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads the records of {@code execute_and_collect} for Python: a reader thread moves them from the job into a
 * buffer, and each fetch answers what has arrived (waiting for the first record or the end), encoded with
 * {@link RecordCodec} in one frame.
 */
public final class StreamFetcher implements AutoCloseable {
    private static final Object END = new Object();

    private final CloseableIterator<Object> records;
    private final BlockingQueue<Object> buffer = new LinkedBlockingQueue<>(1 << 16);
    private volatile boolean closed;
    private boolean ended;

    public StreamFetcher(CloseableIterator<Object> records) {
        this.records = records;
        Thread reader = new Thread(this::readAll, "sluice-python-stream-collect");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll() {
        Object last = END;
        try {
            while (!closed && records.hasNext()) {
                buffer.put(new Object[] {records.next()});
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            last = t;
        }
        try {
            buffer.put(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the job's records have all been fetched. */
    public boolean ended() {
        return ended;
    }

    /** Up to {@code max} records: an int32 count, then the records. Waits for at least one or the end. */
    public byte[] fetch(int max) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream b = new DataOutputStream(body);
        int n = 0;
        while (n < max && !ended) {
            Object next = n == 0 ? buffer.take() : buffer.poll(0, TimeUnit.MILLISECONDS);
            if (next == null) {
                break;
            }
            if (next == END) {
                ended = true;
                break;
            }
            if (next instanceof Throwable) {
                ended = true;
                Throwable t = (Throwable) next;
                throw t instanceof Exception ? (Exception) t : new IllegalStateException(t);
            }
            RecordCodec.write(b, ((Object[]) next)[0]);
            n++;
        }
        out.writeInt(n);
        b.flush();
        body.writeTo(out);
        out.flush();
        return bytes.toByteArray();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            records.close();
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
