package io.sluice.table.functions;

import java.util.function.Consumer;

/**
 * A user-defined table function: maps zero or more values to zero or more rows, used with
 * {@code LATERAL TABLE(f(x))}, {@code CROSS JOIN LATERAL TABLE(f(x))} or
 * {@code LEFT JOIN LATERAL TABLE(f(x)) ON TRUE}. Write public {@code eval} methods (types inferred as for
 * {@link ScalarFunction}) that call {@link #collect} for every output row. {@code T} is
 * {@link io.sluice.types.Row} (then annotate the class or the eval method with
 * {@code @DataTypeHint("ROW<name TYPE, ...>")}) or a single value type (one column named {@code f0}).
 * NULL arguments for primitive parameters produce no rows.
 *
 * @param <T> the type of emitted rows
 */
public abstract class TableFunction<T> extends UserDefinedFunction {
    private static final long serialVersionUID = 1L;

    private transient Consumer<? super T> collector;

    /** Emits one output row for the current input row. */
    protected final void collect(T row) {
        collector.accept(row);
    }

    /** Internal: where {@link #collect} sends rows; set by the engine before the first {@code eval}. */
    public final void setCollector(Consumer<? super T> collector) {
        this.collector = collector;
    }
}
