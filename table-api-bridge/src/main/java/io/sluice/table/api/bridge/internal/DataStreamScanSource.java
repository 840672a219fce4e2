package io.sluice.table.api.bridge.internal;

import io.sluice.datastream.graph.JobGraphBuilder;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.TransformationScanSource;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.SourceTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.types.RowType;
import io.sluice.streaming.api.datastream.DataStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The table source of a converted DataStream ({@code fromDataStream}, {@code fromChangelogStream}): planned as a
 * {@link RecordsToTableOperator} that reads the stream's operators in the same job.
 */
final class DataStreamScanSource implements TransformationScanSource {
    private final DataStream<?> stream;
    private final StreamColumns columns;
    private final int[] fieldOfColumn;
    private final int rowtimeColumn;
    private final ChangelogMode changelogMode;
    private final boolean bounded;
    private final RowType sourceType;
    private final int[] upsertKey;

    /**
     * {@code upsertKey} (the primary key's source columns) is non-null for an upsert changelog, which is normalized
     * into a complete changelog ({@link UpsertNormalizeOperator}); {@code changelogMode} is the mode the table sees.
     */
    DataStreamScanSource(DataStream<?> stream, StreamColumns columns, int[] fieldOfColumn, int rowtimeColumn,
            ChangelogMode changelogMode, boolean bounded, RowType sourceType, int[] upsertKey) {
        this.sourceType = sourceType;
        this.upsertKey = upsertKey;
        this.stream = stream;
        this.columns = columns;
        this.fieldOfColumn = fieldOfColumn;
        this.rowtimeColumn = rowtimeColumn;
        this.changelogMode = changelogMode;
        this.bounded = bounded;
    }

    @Override
    public Transformation produce(String name, int[] projectedFields, RowType producedType) {
        if (BridgeContext.isDryRun()) {
            return new SourceTransformation(name, this, projectedFields, producedType)
                    .withChangelogMode(changelogMode);
        }
        JobGraphBuilder builder = BridgeContext.builder();
        if (builder == null) {
            builder = new JobGraphBuilder(stream.getExecutionEnvironment().getParallelism());
        }
        List<JobGraphBuilder.Upstream> upstreams = builder.upstreams(stream.getNode());
        List<Transformation> inputs = new ArrayList<>();
        int[] exits = new int[upstreams.size()];
        for (int i = 0; i < exits.length; i++) {
            inputs.add(upstreams.get(i).producer());
            exits[i] = upstreams.get(i).exit();
        }
        if (upsertKey != null) {
            int[] all = new int[sourceType.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            ScanLayout layout = new ScanLayout(columns, fieldOfColumn, rowtimeColumn, all, sourceType, true);
            OperatorTransformation records = new OperatorTransformation(name, inputs,
                    () -> new RecordsToTableOperator(layout, exits, stream.getType()), sourceType);
            records.withChangelogMode(ChangelogMode.upsert());
            int[] projection = projectedFields.clone();
            OperatorTransformation normalized = new OperatorTransformation("ChangelogNormalize(key=["
                    + keyNames() + "])", List.of(records),
                    () -> new UpsertNormalizeOperator(sourceType, upsertKey, projection, producedType), producedType);
            normalized.withInputPartitioning(0, io.sluice.runtime.graph.InputPartitioning.hash(upsertKey));
            normalized.withChangelogMode(changelogMode);
            return normalized;
        }
        ScanLayout layout = new ScanLayout(columns, fieldOfColumn, rowtimeColumn, projectedFields.clone(),
                producedType, !changelogMode.isInsertOnly());
        OperatorTransformation t = new OperatorTransformation(name, inputs,
                () -> new RecordsToTableOperator(layout, exits, stream.getType()), producedType);
        t.withChangelogMode(changelogMode);
        return t;
    }

    private String keyNames() {
        List<String> names = new ArrayList<>();
        for (int k : upsertKey) {
            names.add(sourceType.name(k));
        }
        return String.join(", ", names);
    }

    @Override
    public boolean isBounded() {
        return bounded;
    }

    @Override
    public ChangelogMode getChangelogMode() {
        return changelogMode;
    }

    @Override
    public String describe() {
        return "datastream(" + stream.getNode().name() + ", changelog=" + changelogMode + ")";
    }
}
