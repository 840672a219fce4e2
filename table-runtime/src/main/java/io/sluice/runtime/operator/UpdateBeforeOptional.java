package io.sluice.runtime.operator;

/**
 * An operator that can leave out the {@code -U} (update-before) rows of its changelog when no consumer needs them:
 * an upsert consumer (a sink that accepts {@code +I/+U/-D}) identifies the old row by its key, so the planner asks
 * producers for update-before rows only where a consumer needs them, as Flink does.
 */
public interface UpdateBeforeOptional {
    /** From now on emit no {@code -U} rows (called before {@link StreamOperator#open}). */
    void dropUpdateBefore();
}
