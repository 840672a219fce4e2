package io.sluice.api.common.eventtime;

/** A serializable {@link TimestampAssigner}, so that a lambda can be one. */
@FunctionalInterface
public interface SerializableTimestampAssigner<T> extends TimestampAssigner<T>, java.io.Serializable {
}
