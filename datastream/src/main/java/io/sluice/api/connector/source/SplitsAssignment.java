package io.sluice.api.connector.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Splits to add to readers: for each subtask, the splits it gets. */
public final class SplitsAssignment<SplitT extends SourceSplit> {
    private final Map<Integer, List<SplitT>> assignment;

    public SplitsAssignment(Map<Integer, List<SplitT>> assignment) {
        this.assignment = assignment;
    }

    public SplitsAssignment(SplitT split, int subtask) {
        List<SplitT> splits = new ArrayList<>();
        splits.add(split);
        this.assignment = Map.of(subtask, splits);
    }

    public Map<Integer, List<SplitT>> assignment() {
        return assignment;
    }

    @Override
    public String toString() {
        return assignment.toString();
    }
}
