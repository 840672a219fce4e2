package io.sluice.streaming.api.functions.sink;

import io.sluice.api.connector.sink2.Sink;
import io.sluice.api.connector.sink2.SinkWriter;
import io.sluice.api.connector.sink2.WriterInitContext;
import java.io.PrintStream;

/**
 * Prints each record's {@code toString()} to standard out (or standard error), one per line, prefixed like Flink:
 * {@code identifier:subtask> } where the subtask (1-based) appears only when the sink runs in parallel.
 */
public class PrintSink<IN> implements Sink<IN> {
    private static final long serialVersionUID = 1L;
    private final String sinkIdentifier;
    private final boolean stdErr;

    public PrintSink() {
        this("", false);
    }

    public PrintSink(boolean stdErr) {
        this("", stdErr);
    }

    public PrintSink(String sinkIdentifier) {
        this(sinkIdentifier, false);
    }

    public PrintSink(String sinkIdentifier, boolean stdErr) {
        this.sinkIdentifier = sinkIdentifier == null ? "" : sinkIdentifier;
        this.stdErr = stdErr;
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) {
        String prefix = sinkIdentifier;
        if (context.getTaskInfo().getNumberOfParallelSubtasks() > 1) {
            prefix += (prefix.isEmpty() ? "" : ":") + (context.getTaskInfo().getIndexOfThisSubtask() + 1);
        }
        String completePrefix = prefix.isEmpty() ? "" : prefix + "> ";
        return new SinkWriter<>() {
            @Override
            public void write(IN element, Context ctx) {
                PrintStream stream = stdErr ? System.err : System.out;
                stream.println(completePrefix + element);
            }

            @Override
            public void flush(boolean endOfInput) {
                (stdErr ? System.err : System.out).flush();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public String toString() {
        return "Print to " + (stdErr ? "System.err" : "System.out");
    }
}
