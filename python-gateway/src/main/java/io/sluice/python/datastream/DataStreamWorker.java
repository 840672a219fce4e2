package io.sluice.python.datastream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.python.PythonMetrics;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Python worker process ({@code python -m sluice.fn_execution.worker}, the process Python UDFs run in) running
 * one DataStream function. Frames are length-prefixed on the worker's stdin/stdout: {@code 'D'} + the runtime
 * information (JSON) + the cloudpickled function spec first, answered by the names of the keyed states the function
 * declared in {@code open}; then one {@code 'P'} frame per batch of records and timers (see
 * {@link PythonFunctionOperator}), answered by {@code 'R'} + outputs, state writes and timer changes, or {@code 'E'}
 * + the Python traceback; before an answer the worker may send metrics frames ({@code 'M'}, {@link PythonMetrics}).
 * The worker exits when its stdin closes, so it never outlives the JVM.
 */
final class DataStreamWorker implements AutoCloseable {
    private final String functionName;
    private final Process process;
    private final DataOutputStream out;
    private final DataInputStream in;
    private final PythonMetrics metrics;

    /** A worker whose functions' metrics go to {@code metrics} (none when null). */
    DataStreamWorker(String functionName, String python, String pythonPath, PythonMetrics metrics) {
        this.functionName = functionName;
        this.metrics = metrics;
        ProcessBuilder pb = new ProcessBuilder(List.of(python, "-m", "sluice.fn_execution.worker"));
        Map<String, String> env = pb.environment();
        String existing = env.get("PYTHONPATH");
        env.put("PYTHONPATH", existing == null || existing.isEmpty() ? pythonPath
                : pythonPath + File.pathSeparator + existing);
        // pickles of equal keys must be equal bytes in every worker (frozensets iterate by hash)
        env.put("PYTHONHASHSEED", "0");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the Python worker of '" + functionName + "' with " + python
                    + ": " + e.getMessage(), e);
        }
        out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    /** Opens the function; returns the names of the keyed states it declared. */
    List<String> open(Map<String, Object> runtimeInfo, byte[] payload) {
        try {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            DataOutputStream f = new DataOutputStream(frame);
            f.writeByte('D');
            byte[] info = new ObjectMapper().writeValueAsBytes(runtimeInfo);
            f.writeInt(info.length);
            f.write(info);
            f.write(payload);
            f.flush();
            send(frame);
            DataInputStream reply = receive();
            int n = reply.readInt();
            List<String> names = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                names.add(RecordCodec.readString(reply));
            }
            return names;
        } catch (IOException e) {
            throw died(e);
        }
    }

    /** Sends one frame (its bytes are in {@code frame}). */
    void send(ByteArrayOutputStream frame) throws IOException {
        out.writeInt(frame.size());
        frame.writeTo(out);
        out.flush();
    }

    /** Reads the answer to the last frame; after the {@code 'R'} the stream holds the answer's content. */
    DataInputStream receive() throws IOException {
        int kind;
        while (true) {
            int length = in.readInt();
            kind = in.readByte();
            if (kind != 'M') {
                break;
            }
            byte[] payload = new byte[length - 1];
            in.readFully(payload);
            if (metrics != null) {
                metrics.apply(payload);
            }
        }
        if (kind != 'R') {
            String traceback = new String(RecordCodec.readBytes(in), StandardCharsets.UTF_8);
            throw new PythonFunctionException("Python function '" + functionName + "' failed:\n" + traceback);
        }
        return in;
    }

    IllegalStateException died(IOException e) {
        return new IllegalStateException("The Python worker of '" + functionName + "' died" + exitStatus() + ": "
                + e.getMessage(), e);
    }

    private String exitStatus() {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
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
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A Python function raised an exception; the message carries its traceback. */
    static final class PythonFunctionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PythonFunctionException(String message) {
            super(message);
        }
    }
}
