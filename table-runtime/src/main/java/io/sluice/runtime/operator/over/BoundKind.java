package io.sluice.runtime.operator.over;

/** The kind of one end of a window frame. */
public enum BoundKind {
    UNBOUNDED_PRECEDING,
    PRECEDING,
    CURRENT_ROW,
    FOLLOWING,
    UNBOUNDED_FOLLOWING
}
