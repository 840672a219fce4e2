package io.sluice.runtime.operator.join;

/**
 * The join types the join operators run. SEMI emits each left row that has a match once; ANTI emits
 * each left row that has none, with NOT EXISTS semantics (a left row whose key is NULL has no match,
 * so it is emitted). Both output the left columns only.
 */
public enum JoinType {
    INNER,
    LEFT,
    RIGHT,
    FULL,
    SEMI,
    ANTI;

    /** Whether the output holds (left, right) pairs, as opposed to left rows only. */
    public boolean emitsPairs() {
        return this != SEMI && this != ANTI;
    }

    /** Whether left rows without a match are emitted padded with NULLs. */
    public boolean padsLeft() {
        return this == LEFT || this == FULL;
    }

    /** Whether right rows without a match are emitted padded with NULLs. */
    public boolean padsRight() {
        return this == RIGHT || this == FULL;
    }
}
