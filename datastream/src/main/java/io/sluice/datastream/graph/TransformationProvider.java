package io.sluice.datastream.graph;

import io.sluice.runtime.graph.Transformation;

/**
 * Builds the transformation of a {@link SourceNode} whose records come from outside the DataStream graph (a table
 * converted into a stream). It may read other streams of the job through {@link JobGraphBuilder#upstreams}. The
 * transformation emits batches of {@link io.sluice.datastream.runtime.RecordBatches#TYPE}, every row belonging to
 * the node's stream.
 */
@FunctionalInterface
public interface TransformationProvider {
    Transformation translate(JobGraphBuilder builder);
}
