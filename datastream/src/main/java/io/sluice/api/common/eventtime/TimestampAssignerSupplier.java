package io.sluice.api.common.eventtime;

/** Creates a {@link TimestampAssigner} for each parallel instance. */
@FunctionalInterface
public interface TimestampAssignerSupplier<T> extends java.io.Serializable {
    TimestampAssigner<T> createTimestampAssigner(Context context);

    /** What the supplier may use; nothing yet. */
    interface Context {
    }

    /** A supplier returning the given assigner. */
    static <T> TimestampAssignerSupplier<T> of(SerializableTimestampAssigner<T> assigner) {
        return context -> assigner;
    }
}
