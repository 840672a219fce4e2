package io.sluice.runtime.connector;

/**
 * A table source whose rows can be looked up by the values of some of its columns, for lookup joins
 * ({@code JOIN dim FOR SYSTEM_TIME AS OF o.proc_time AS d ON o.k = d.id}). A source implementing it is
 * created by the same {@link DynamicTableSourceFactory} as its scan.
 */
public interface LookupTableSource {
    /**
     * A lookup function for one parallel instance of a lookup join, finding rows by equality on
     * {@code keyFields} (indexes into the table's physical row type, in the order the keys are passed).
     */
    LookupFunction createLookupFunction(int[] keyFields);
}
