package io.sluice.runtime.operator.rank;

/** The ranking function of a Top-N query: {@code ROW_NUMBER()}, {@code RANK()} or {@code DENSE_RANK()}. */
public enum RankType {
    /** Consecutive numbers; rows with equal order keys are numbered in arrival order. */
    ROW_NUMBER,
    /** Equal order keys share a number, leaving gaps after them (not supported in streaming, as in Flink). */
    RANK,
    /** Equal order keys share a number, without gaps (not supported in streaming, as in Flink). */
    DENSE_RANK
}
