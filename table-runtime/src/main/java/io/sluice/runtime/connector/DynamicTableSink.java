package io.sluice.runtime.connector;

/** A table sink. Created by a {@link DynamicTableSinkFactory}. */
public interface DynamicTableSink {
    /** The row kinds this sink accepts given what the query produces. */
    ChangelogMode getChangelogMode(ChangelogMode requestedMode);

    /** A writer for one parallel instance. */
    SinkWriter createWriter(WriterContext context);

    /** Short text for EXPLAIN. */
    String describe();
}
