package io.sluice.connector.datagen;

/** How the values of one column are generated ({@code fields.<name>.kind}). */
public enum GeneratorKind {
    /** Random values within the column's bounds; unbounded. */
    RANDOM,
    /** The numbers {@code start .. end}, each once; the table ends when the first sequence ends. */
    SEQUENCE;

    /** The option value users write, {@code random} or {@code sequence}. */
    public String optionValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
