package io.sluice.planner.catalog;

import io.sluice.runtime.types.LogicalType;

/**
 * A column of a catalog table: physical, computed from an expression over other columns, or a metadata column
 * ({@code c TYPE METADATA [FROM 'key'] [VIRTUAL]}) whose value the connector supplies. Computed columns are
 * evaluated when the table is read.
 */
public final class CatalogColumn {
    /** The three kinds of columns Flink knows. */
    public enum Kind { PHYSICAL, COMPUTED, METADATA }

    private final Kind kind;
    private final String name;
    private final LogicalType type;
    private final String expression;
    private final String metadataKey;
    private final boolean virtual;
    private final String comment;

    private CatalogColumn(Kind kind, String name, LogicalType type, String expression, String metadataKey,
            boolean virtual, String comment) {
        this.kind = kind;
        this.name = name;
        this.type = type;
        this.expression = expression;
        this.metadataKey = metadataKey;
        this.virtual = virtual;
        this.comment = comment;
    }

    public static CatalogColumn physical(String name, LogicalType type) {
        return new CatalogColumn(Kind.PHYSICAL, name, type, null, null, false, null);
    }

    public static CatalogColumn physical(String name, LogicalType type, String comment) {
        return new CatalogColumn(Kind.PHYSICAL, name, type, null, null, false, comment);
    }

    /** A computed column; its type is known once the expression has been validated. */
    public static CatalogColumn computed(String name, LogicalType type, String expression, String comment) {
        return new CatalogColumn(Kind.COMPUTED, name, type, expression, null, false, comment);
    }

    /** A metadata column; {@code metadataKey} null means the key is the column name. */
    public static CatalogColumn metadata(String name, LogicalType type, String metadataKey, boolean virtual,
            String comment) {
        return new CatalogColumn(Kind.METADATA, name, type, null, metadataKey, virtual, comment);
    }

    public Kind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public LogicalType type() {
        return type;
    }

    public boolean isPhysical() {
        return kind == Kind.PHYSICAL;
    }

    public boolean isComputed() {
        return kind == Kind.COMPUTED;
    }

    public boolean isMetadata() {
        return kind == Kind.METADATA;
    }

    /** The SQL expression of a computed column, or null. */
    public String expression() {
        return expression;
    }

    /** The metadata key written after {@code FROM}, or null (then the column name is the key). */
    public String metadataKey() {
        return metadataKey;
    }

    /** Whether a metadata column is {@code VIRTUAL} (read-only: not written by INSERT). */
    public boolean isVirtual() {
        return virtual;
    }

    public String comment() {
        return comment;
    }

    /** The same column under another name. */
    public CatalogColumn rename(String newName) {
        return new CatalogColumn(kind, newName, type, expression, metadataKey, virtual, comment);
    }

    /** Flink's DESCRIBE "extras" text: {@code AS expr}, {@code METADATA FROM 'k' VIRTUAL}, or null. */
    public String extras() {
        switch (kind) {
            case COMPUTED:
                return "AS " + expression;
            case METADATA:
                return "METADATA" + (metadataKey == null ? "" : " FROM '" + metadataKey.replace("'", "''") + "'")
                        + (virtual ? " VIRTUAL" : "");
            default:
                return null;
        }
    }
}
