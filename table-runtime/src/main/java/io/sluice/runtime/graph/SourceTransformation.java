package io.sluice.runtime.graph;

import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.types.RowType;
import java.util.List;

/** Reads a table source; produces the projected physical columns. */
public final class SourceTransformation extends Transformation {
    private ScanTableSource source;
    private final int[] projectedFields;
    private String tableName;
    private String badRecordsTable;

    public SourceTransformation(String name, ScanTableSource source, int[] projectedFields, RowType outputType) {
        super(name, outputType);
        this.source = source;
        this.projectedFields = projectedFields;
    }

    public ScanTableSource source() {
        return source;
    }

    /**
     * Replaces the source by {@code wrapper}'s wrapping of it (e.g. one whose readers report idleness); returns this
     * node.
     */
    public SourceTransformation wrapSource(java.util.function.UnaryOperator<ScanTableSource> wrapper) {
        this.source = wrapper.apply(source);
        return this;
    }

    public int[] projectedFields() {
        return projectedFields;
    }

    @Override
    public List<Transformation> inputs() {
        return List.of();
    }

    /**
     * Marks the source as one whose undecodable records go to the table named {@code badRecordsTable} (the value of
     * {@link io.sluice.runtime.connector.BadRecords#TABLE_OPTION} on the table {@code tableName}, fully qualified);
     * returns this node.
     */
    public SourceTransformation withBadRecordsTable(String tableName, String badRecordsTable) {
        this.tableName = tableName;
        this.badRecordsTable = badRecordsTable;
        return this;
    }

    /** The table named by the source table's bad-records option, as written, or null. */
    public String badRecordsTable() {
        return badRecordsTable;
    }

    /** The fully qualified name of the source table when {@link #badRecordsTable()} is set, else null. */
    public String tableName() {
        return tableName;
    }
}
