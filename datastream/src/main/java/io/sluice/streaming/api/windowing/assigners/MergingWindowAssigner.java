package io.sluice.streaming.api.windowing.assigners;

import io.sluice.streaming.api.windowing.windows.Window;
import java.util.Collection;

/** An assigner whose windows merge when they overlap (session windows). */
public abstract class MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {
    private static final long serialVersionUID = 1L;

    /** Calls {@code callback} for each group of {@code windows} that merge into one. */
    public abstract void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

    /** Receives a merge. */
    public interface MergeCallback<W> {
        void merge(Collection<W> toBeMerged, W mergeResult);
    }
}
