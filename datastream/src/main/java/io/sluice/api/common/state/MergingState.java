package io.sluice.api.common.state;

/** Appending state that merging windows can merge. */
public interface MergingState<IN, OUT> extends AppendingState<IN, OUT> {
}
