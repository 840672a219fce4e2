package io.sluice.python.udf;

import io.sluice.python.ColumnDecoder;
import io.sluice.python.ColumnEncoder;
import io.sluice.python.ColumnKind;
import io.sluice.python.PythonMetrics;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.TableException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A Python worker process ({@code python -m sluice.fn_execution.worker}) running one function. Messages are
 * length-prefixed frames on the worker's stdin/stdout: {@code 'I'} + the job parameters (JSON) + the pickled function
 * first, then {@code 'C'}
 * + argument count + tagged values ({@link ValueCodec}) per call, or {@code 'B'} + a batch of argument columns
 * ({@link #callBatch}); the worker answers {@code 'R'} + a tagged value (or the result column) or {@code 'E'} + the
 * Python traceback; before an answer it may send metrics frames ({@code 'M'}, see {@link PythonMetrics}). The
 * accumulators of aggregate functions live in the worker ({@link PythonAccumulator}); the frames that change them have
 * no answer. The worker exits when its stdin closes, so it never outlives the JVM.
 */
final class PythonWorker implements AutoCloseable {
    private final String functionName;
    private final Process process;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream(256);
    private final DataOutputStream frameOut = new DataOutputStream(frame);
    private final PythonMetrics metrics;
    /** The numbers of accumulators that lived here and are garbage now, for the worker to forget. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Integer> released =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private int nextAccumulator = 1;

    PythonWorker(String functionName, String python, String pythonPath, byte[] payload,
            Map<String, String> jobParameters, PythonMetrics metrics) {
        this.functionName = functionName;
        this.metrics = metrics;
        ProcessBuilder pb = new ProcessBuilder(List.of(python, "-m", "sluice.fn_execution.worker"));
        Map<String, String> env = pb.environment();
        String existing = env.get("PYTHONPATH");
        env.put("PYTHONPATH", existing == null || existing.isEmpty() ? pythonPath
                : pythonPath + java.io.File.pathSeparator + existing);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new TableException("Cannot start the Python worker for function '" + functionName + "' with "
                    + python + ": " + e.getMessage(), e);
        }
        out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        try {
            frameOut.writeByte('I');
            byte[] parameters = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(jobParameters);
            frameOut.writeInt(parameters.length);
            frameOut.write(parameters);
            frameOut.write(payload);
            exchange(Object.class);
        } catch (IOException e) {
            close();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Calls the function with these arguments; the result is converted to {@code resultType} (an ARRAY, MAP,
     * MULTISET or ROW result becomes the engine's external value of that type).
     */
    Object call(Object[] args, LogicalType resultType) {
        try {
            frameOut.writeByte('C');
            frameOut.writeShort(args.length);
            for (Object a : args) {
                ValueCodec.write(frameOut, a);
            }
            out.writeInt(frame.size());
            frame.writeTo(out);
            frame.reset();
            out.flush();
            int kind = readAnswerKind();
            if (kind == 'R') {
                return io.sluice.python.NestedCodec.read(in, resultType);
            }
            String traceback = new String(ValueCodec.readBytes(in), StandardCharsets.UTF_8);
            throw new TableException("Python function '" + functionName + "' failed:\n" + traceback);
        } catch (IOException e) {
            frame.reset();
            throw new TableException("The Python worker of function '" + functionName + "' died"
                    + exitStatus() + ": " + e.getMessage(), e);
        }
    }

    /** Calls the function with these arguments; the result is converted to {@code resultClass}. */
    Object call(Object[] args, Class<?> resultClass) {
        try {
            frameOut.writeByte('C');
            frameOut.writeShort(args.length);
            for (Object a : args) {
                ValueCodec.write(frameOut, a);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return exchange(resultClass);
    }

    /**
     * Calls the function for {@code n} rows at once: frame {@code 'B'}, then the row count, the argument count and
     * each argument column (its kind name and buffers in {@link ColumnKind}'s layout); the worker answers the result
     * column's buffers, decoded as {@code resultType}.
     */
    Object[] callBatch(Object[][] args, int n, LogicalType resultType) {
        try {
            frameOut.writeByte('B');
            frameOut.writeInt(n);
            frameOut.writeShort(args.length);
            for (Object[] column : args) {
                ColumnKind kind = kindOf(column, n);
                byte[] name = kind.wireName().getBytes(StandardCharsets.US_ASCII);
                frameOut.writeByte(name.length);
                frameOut.write(name);
                List<byte[]> buffers = ColumnEncoder.encode(kind, n, i -> column[i]);
                frameOut.writeShort(buffers.size());
                for (byte[] b : buffers) {
                    frameOut.writeInt(b.length);
                    frameOut.write(b);
                }
            }
            out.writeInt(frame.size());
            frame.writeTo(out);
            frame.reset();
            out.flush();
            int kind = readAnswerKind();
            if (kind != 'R') {
                String traceback = new String(ValueCodec.readBytes(in), StandardCharsets.UTF_8);
                throw new TableException("Python function '" + functionName + "' failed:\n" + traceback);
            }
            int count = in.readShort();
            List<byte[]> buffers = new java.util.ArrayList<>();
            for (int b = 0; b < count; b++) {
                buffers.add(ValueCodec.readBytes(in));
            }
            return ColumnDecoder.decode(resultType, n, buffers);
        } catch (IOException e) {
            frame.reset();
            throw new TableException("The Python worker of function '" + functionName + "' died"
                    + exitStatus() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Calls a table function for one row: frame {@code 'T'}; the answer is a row count, then each row's values, read
     * as {@code fieldTypes}.
     */
    List<Object[]> callTable(Object[] args, LogicalType[] fieldTypes) {
        try {
            frameOut.writeByte('T');
            frameOut.writeShort(args.length);
            for (Object a : args) {
                ValueCodec.write(frameOut, a);
            }
            return exchangeRows(fieldTypes);
        } catch (IOException e) {
            frame.reset();
            throw new TableException("The Python worker of function '" + functionName + "' died"
                    + exitStatus() + ": " + e.getMessage(), e);
        }
    }

    /** Sends the frame written so far; the answer is a row count, then each row's values, read as fieldTypes. */
    private List<Object[]> exchangeRows(LogicalType[] fieldTypes) throws IOException {
        out.writeInt(frame.size());
        frame.writeTo(out);
        frame.reset();
        out.flush();
        int kind = readAnswerKind();
        if (kind != 'R') {
            String traceback = new String(ValueCodec.readBytes(in), StandardCharsets.UTF_8);
            throw new TableException("Python function '" + functionName + "' failed:\n" + traceback);
        }
        int count = in.readInt();
        List<Object[]> rows = new java.util.ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            Object[] fields = new Object[fieldTypes.length];
            for (int f = 0; f < fields.length; f++) {
                fields[f] = io.sluice.python.NestedCodec.read(in, fieldTypes[f]);
            }
            rows.add(fields);
        }
        return rows;
    }

    /** A new accumulator of the aggregate function, living in this worker: frame {@code 'n'} (no answer). */
    PythonAccumulator newAccumulator() {
        PythonAccumulator acc = new PythonAccumulator(null);
        int number = nextAccumulator++;
        try {
            sendReleases();
            frameOut.writeByte('n');
            frameOut.writeInt(number);
            post();
        } catch (IOException e) {
            throw died(e);
        }
        acc.moveTo(this, number);
        return acc;
    }

    /**
     * Makes {@code acc} live in this worker: a deserialized one (or one of another worker) is loaded from its pickle,
     * frame {@code 'l'} (no answer).
     */
    private void resident(PythonAccumulator acc) throws IOException {
        sendReleases();
        if (acc.owner == this) {
            return;
        }
        byte[] pickled = acc.owner != null ? acc.owner.pickle(acc.handle) : acc.state;
        int number = nextAccumulator++;
        if (pickled == null) {
            frameOut.writeByte('n');
            frameOut.writeInt(number);
        } else {
            frameOut.writeByte('l');
            frameOut.writeInt(number);
            writeState(pickled);
        }
        post();
        acc.moveTo(this, number);
    }

    /**
     * Accumulates ({@code 'a'}) or retracts ({@code 'x'}) a row into an accumulator living here. No answer is
     * awaited: the frames go out with the next one that has an answer, and a failure is reported to that one.
     */
    void step(char kind, PythonAccumulator acc, Object[] args) {
        try {
            resident(acc);
            frameOut.writeByte(kind);
            frameOut.writeInt(acc.handle);
            frameOut.writeShort(args.length);
            for (Object a : args) {
                ValueCodec.write(frameOut, a);
            }
            post();
        } catch (IOException e) {
            throw died(e);
        }
    }

    /** The value of an accumulator living here ({@code 'v'}), read as {@code resultType}. */
    Object value(PythonAccumulator acc, LogicalType resultType) {
        try {
            resident(acc);
            frameOut.writeByte('v');
            frameOut.writeInt(acc.handle);
            out.writeInt(frame.size());
            frame.writeTo(out);
            frame.reset();
            out.flush();
            int kind = readAnswerKind();
            if (kind == 'R') {
                return io.sluice.python.NestedCodec.read(in, resultType);
            }
            String traceback = new String(ValueCodec.readBytes(in), StandardCharsets.UTF_8);
            throw new TableException("Python function '" + functionName + "' failed:\n" + traceback);
        } catch (IOException e) {
            throw died(e);
        }
    }

    /** The value of an accumulator living here ({@code 'v'}), as {@code resultClass}. */
    Object value(PythonAccumulator acc, Class<?> resultClass) {
        try {
            resident(acc);
            frameOut.writeByte('v');
            frameOut.writeInt(acc.handle);
        } catch (IOException e) {
            throw died(e);
        }
        return exchange(resultClass);
    }

    /** The rows a table aggregate function emits for an accumulator living here ({@code 'w'}). */
    List<Object[]> emitRows(PythonAccumulator acc, LogicalType[] fieldTypes) {
        try {
            resident(acc);
            frameOut.writeByte('w');
            frameOut.writeInt(acc.handle);
            return exchangeRows(fieldTypes);
        } catch (IOException e) {
            throw died(e);
        }
    }

    /** The pickled form of the accumulator living here under {@code number} ({@code 'p'}). */
    byte[] pickle(int number) {
        try {
            sendReleases();
            frameOut.writeByte('p');
            frameOut.writeInt(number);
        } catch (IOException e) {
            throw died(e);
        }
        return (byte[]) exchange(byte[].class);
    }

    /** What forgets the accumulator {@code number} once its Java object is garbage (run by a cleaner thread). */
    Runnable releaser(int number) {
        java.util.concurrent.ConcurrentLinkedQueue<Integer> queue = released;
        return () -> queue.add(number);
    }

    /** Sends frame {@code 'f'} with the numbers of the accumulators that are garbage now, if any (no answer). */
    private void sendReleases() throws IOException {
        if (released.isEmpty()) {
            return;
        }
        List<Integer> numbers = new java.util.ArrayList<>();
        for (Integer n = released.poll(); n != null; n = released.poll()) {
            numbers.add(n);
        }
        out.writeInt(5 + 4 * numbers.size());
        out.writeByte('f');
        out.writeInt(numbers.size());
        for (int n : numbers) {
            out.writeInt(n);
        }
    }

    /** Queues the frame written so far for the worker, which does not answer it. */
    private void post() throws IOException {
        out.writeInt(frame.size());
        frame.writeTo(out);
        frame.reset();
    }

    private TableException died(IOException e) {
        frame.reset();
        return new TableException("The Python worker of function '" + functionName + "' died"
                + exitStatus() + ": " + e.getMessage(), e);
    }

    private void writeState(byte[] state) throws IOException {
        byte[] s = state == null ? new byte[0] : state;
        frameOut.writeInt(s.length);
        frameOut.write(s);
    }

    private static ColumnKind kindOf(Object[] column, int n) {
        for (int i = 0; i < n; i++) {
            if (column[i] != null) {
                return ColumnKind.ofClass(column[i].getClass());
            }
        }
        return ColumnKind.I64;
    }

    private Object exchange(Class<?> resultClass) {
        try {
            out.writeInt(frame.size());
            frame.writeTo(out);
            frame.reset();
            out.flush();
            int kind = readAnswerKind();
            if (kind == 'R') {
                return ValueCodec.read(in, resultClass);
            }
            String traceback = new String(ValueCodec.readBytes(in), StandardCharsets.UTF_8);
            throw new TableException("Python function '" + functionName + "' failed:\n" + traceback);
        } catch (IOException e) {
            frame.reset();
            throw new TableException("The Python worker of function '" + functionName + "' died"
                    + exitStatus() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the head of the worker's next answer and returns its kind; metrics frames ({@code 'M'}) the worker sends
     * before it are applied to the function's metric group on the way.
     */
    private int readAnswerKind() throws IOException {
        while (true) {
            int length = in.readInt();
            int kind = in.readByte();
            if (kind != 'M') {
                return kind;
            }
            byte[] payload = new byte[length - 1];
            in.readFully(payload);
            if (metrics != null) {
                metrics.apply(payload);
            }
        }
    }

    private String exitStatus() {
        try {
            if (process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                return " with exit code " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the worker is gone already
        }
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
