package io.sluice.types;

/**
 * The kind of change a row describes in a changelog, with Flink's short strings.
 */
public enum RowKind {
    /** Insertion of a new row. */
    INSERT("+I", (byte) 0),
    /** The old content of an updated row (retraction). */
    UPDATE_BEFORE("-U", (byte) 1),
    /** The new content of an updated row. */
    UPDATE_AFTER("+U", (byte) 2),
    /** Deletion of a row. */
    DELETE("-D", (byte) 3);

    private static final RowKind[] BY_VALUE = values();

    private final String shortString;
    private final byte value;

    RowKind(String shortString, byte value) {
        this.shortString = shortString;
        this.value = value;
    }

    /** The short form used in changelog output: {@code +I}, {@code -U}, {@code +U} or {@code -D}. */
    public String shortString() {
        return shortString;
    }

    /** The byte stored in a batch's row-kind vector. */
    public byte toByteValue() {
        return value;
    }

    /** Inverse of {@link #toByteValue()}. */
    public static RowKind fromByteValue(byte value) {
        return BY_VALUE[value];
    }

    /** True for {@link #INSERT} and {@link #UPDATE_AFTER}: the row is added to the result. */
    public boolean isAccumulate() {
        return this == INSERT || this == UPDATE_AFTER;
    }
}
