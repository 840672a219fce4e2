package io.sluice.connector.print;

import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.WriterContext;

/** Prints rows as Flink's print connector does; accepts every row kind. */
public final class PrintTableSink implements DynamicTableSink {
    private final String printIdentifier;
    private final boolean standardError;

    /**
     * @param printIdentifier prefix of each line, or null for none
     * @param standardError print to {@code System.err} instead of {@code System.out}
     */
    public PrintTableSink(String printIdentifier, boolean standardError) {
        this.printIdentifier = printIdentifier;
        this.standardError = standardError;
    }

    @Override
    public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
        return requestedMode;
    }

    @Override
    public PrintSinkWriter createWriter(WriterContext context) {
        return new PrintSinkWriter(linePrefix(printIdentifier, context.subtaskIndex(), context.parallelism()),
                standardError);
    }

    /**
     * Flink's line prefix: {@code id> }, with {@code :<subtask+1>} after the id when parallelism is above 1,
     * just {@code <subtask+1>> } without an id, and nothing at parallelism 1 without an id.
     */
    static String linePrefix(String identifier, int subtaskIndex, int parallelism) {
        String prefix = identifier == null ? "" : identifier;
        if (parallelism > 1) {
            prefix = prefix.isEmpty() ? String.valueOf(subtaskIndex + 1) : prefix + ":" + (subtaskIndex + 1);
        }
        return prefix.isEmpty() ? "" : prefix + "> ";
    }

    @Override
    public String describe() {
        return "print(" + (printIdentifier == null ? "" : "print-identifier=" + printIdentifier)
                + (standardError ? (printIdentifier == null ? "" : ", ") + "standard-error=true" : "") + ")";
    }
}
