package io.sluice.connector.print;

import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.data.RowBatch;
import java.io.PrintStream;

/**
 * Prints each row as {@code <prefix>+I[1, abc, 2024-01-01T10:00]} ({@link io.sluice.types.Row#toString()} of
 * the external values). The lines of a batch are printed with one call, so lines of parallel writers do
 * not interleave. Rows are converted one by one through the boxed slow path: this sink is for debugging.
 */
public final class PrintSinkWriter implements SinkWriter {
    private final String prefix;
    private final boolean standardError;
    private PrintStream stream;
    private final StringBuilder text = new StringBuilder();

    public PrintSinkWriter(String prefix, boolean standardError) {
        this.prefix = prefix;
        this.standardError = standardError;
    }

    @Override
    public void open() {
        stream = standardError ? System.err : System.out;
    }

    @Override
    public void write(RowBatch batch) {
        text.setLength(0);
        for (int r = 0; r < batch.rowCount(); r++) {
            text.append(prefix).append(batch.getRow(r)).append(System.lineSeparator());
        }
        stream.print(text);
        stream.flush();
    }

    @Override
    public void finish() {
        stream.flush();
    }

    @Override
    public void close() {
        text.setLength(0);
    }
}
