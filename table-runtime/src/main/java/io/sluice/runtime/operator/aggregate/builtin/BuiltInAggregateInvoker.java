package io.sluice.runtime.operator.aggregate.builtin;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.functions.FunctionContext;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * A built-in aggregate function that keeps one accumulator object per group and runs through the operators'
 * user-defined aggregate path. Unlike a generated invoker it receives NULL arguments as {@code null} values and
 * applies the function's own NULL semantics. Subclasses are made by {@link #generated}, whose references are the
 * argument types followed by the function's parameters; the constructor takes them back.
 *
 * <p>Accumulators are {@link Serializable}, so checkpoints (and restores at another parallelism) write them like
 * any user-defined accumulator. Called from one operator task thread only.
 */
public abstract class BuiltInAggregateInvoker implements UserAggregateInvoker {
    private final String name;
    /** The types of the call's arguments, in call order. */
    protected final LogicalType[] argTypes;

    /** @param references {@code [LogicalType[] argTypes, ...]} as given to {@link #generated} */
    protected BuiltInAggregateInvoker(String name, Object[] references) {
        this.name = name;
        this.argTypes = ((LogicalType[]) references[0]).clone();
    }

    /**
     * The class descriptor operators instantiate once per operator instance: {@code invoker} has a public
     * constructor taking {@code Object[]}, which receives {@code argTypes} followed by {@code parameters}.
     */
    public static GeneratedClass<UserAggregateInvoker> generated(Class<? extends BuiltInAggregateInvoker> invoker,
            LogicalType[] argTypes, Object... parameters) {
        Object[] references = new Object[parameters.length + 1];
        references[0] = argTypes.clone();
        System.arraycopy(parameters, 0, references, 1, parameters.length);
        return new GeneratedClass<>(invoker.getName(), "// built-in aggregate " + invoker.getSimpleName(), invoker,
                references);
    }

    /** The value of argument {@code a} at {@code row} as an external Java value, null for SQL NULL. */
    protected final Object arg(FieldVector[] args, int a, int row) {
        return VectorValues.get(argTypes[a], args[a], row);
    }

    /** A value usable as a map key and comparable with {@code equals}: byte arrays are wrapped. */
    protected static Object keyOf(Object value) {
        return value instanceof byte[] ? new Bytes((byte[]) value) : value;
    }

    /** The external value of a key made by {@link #keyOf}. */
    protected static Object valueOf(Object key) {
        return key instanceof Bytes ? ((Bytes) key).bytes.clone() : key;
    }

    /** Folds row {@code row} into {@code acc} ({@link #accumulate} and {@link #accumulateBatch} call this). */
    protected abstract void add(Object acc, FieldVector[] args, int row);

    @Override
    public final void accumulate(Object acc, FieldVector[] args, int row) {
        add(acc, args, row);
    }

    @Override
    public final void accumulateBatch(Object[] accs, int[] groupIds, FieldVector[] args, int rows) {
        for (int i = 0; i < rows; i++) {
            int g = groupIds[i];
            if (g >= 0) {
                add(accs[g], args, i);
            }
        }
    }

    @Override
    public boolean canRetract() {
        return true;
    }

    @Override
    public String functionDescription() {
        return "built-in " + name;
    }

    @Override
    public void openFunctions(FunctionContext context) {
    }

    @Override
    public void closeFunctions() {
    }

    /** A byte array compared by content. */
    private static final class Bytes implements Serializable {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes && Arrays.equals(bytes, ((Bytes) o).bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }
}
