package io.sluice.runtime.operator.aggregate;

import java.io.IOException;

/**
 * The checkpoint form of the accumulators of a user-defined aggregate function, for operators outside this package
 * that keep such accumulators (as the hash aggregation's do: Java serialization, or a POJO's fields).
 */
public final class UserAccumulators {
    private UserAccumulators() {
    }

    /** The serialized form of {@code accs[0 .. n-1]} (null entries allowed); {@code invoker} names the function. */
    public static byte[] write(Object[] accs, int n, UserAggregateInvoker invoker) throws IOException {
        return AccumulatorSerializer.write(accs, n, invoker.functionDescription());
    }

    /** The accumulators {@link #write} wrote, their classes loaded through {@code invoker}'s class loader. */
    public static Object[] read(byte[] data, UserAggregateInvoker invoker) throws IOException {
        return AccumulatorSerializer.read(data, invoker.getClass().getClassLoader());
    }
}
