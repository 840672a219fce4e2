package io.sluice.planner.physical;

import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.schema.ConnectorTable;
import io.sluice.planner.translate.PartitionPruner;
import io.sluice.runtime.connector.BadRecords;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.TransformationScanSource;
import io.sluice.runtime.graph.SourceTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;

/**
 * Reads a connector table: only the columns in {@code projection} (column pruning pushed into the source), and,
 * for a partitioned table under a filter, only the partitions the filter may select.
 *
 * <p>Emits the source's changelog mode; keeps no state of its own (the source's positions are checkpointed by the
 * executor).
 */
public final class PhysicalTableScan extends TableScan implements PhysicalRel {
    private final int[] projection;
    private final RexNode partitionFilter;

    /**
     * @param projection the columns read (indices into the table's source row type), or null for every column
     * @param partitionFilter a condition over the table's columns that prunes partitions, or null
     */
    PhysicalTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, int[] projection,
            RexNode partitionFilter) {
        super(cluster, traits, List.of(), table);
        this.projection = projection;
        this.partitionFilter = partitionFilter;
    }

    /** The columns read, or null for every column. */
    public int[] projection() {
        return projection == null ? null : projection.clone();
    }

    @Override
    public RelDataType deriveRowType() {
        RelDataType full = table.getRowType();
        if (projection == null) {
            return full;
        }
        RelDataTypeFactory.Builder b = getCluster().getTypeFactory().builder();
        for (int f : projection) {
            b.add(full.getFieldList().get(f));
        }
        return b.build();
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new PhysicalTableScan(getCluster(), traitSet, table, projection, partitionFilter);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).itemIf("fields", getRowType().getFieldNames(), projection != null)
                .itemIf("partitionFilter", partitionFilter, partitionFilter != null);
    }

    private ConnectorTable connectorTable() {
        ConnectorTable table = getTable().unwrap(ConnectorTable.class);
        if (table == null) {
            throw new UnsupportedFeatureException("scan of " + getTable().getQualifiedName());
        }
        CatalogTable ct = table.table();
        if (!table.isPhysicalOnly() && ct.columns().stream().anyMatch(c -> !c.isPhysical())) {
            throw new UnsupportedFeatureException("computed columns (table " + table.identifier() + ")");
        }
        return table;
    }

    @Override
    public ChangelogMode outputChangelogMode(List<ChangelogMode> inputModes, TranslationContext context) {
        return context.source(this, connectorTable()).getChangelogMode();
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        ConnectorTable table = connectorTable();
        CatalogTable ct = table.table();
        RowType physical = ct.sourceRowType();
        int[] fields = projection;
        if (fields == null) {
            fields = new int[physical.size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = i;
            }
        }
        ScanTableSource source = context.source(this, table);
        List<Map<String, String>> partitions = PartitionPruner.prune(source, ct, getTable().getRowType(),
                partitionFilter, context.codegen(), getCluster().getRexBuilder());
        RowType produced = physical.project(fields);
        String name = ExplainText.of("TableSourceScan")
                .attribute("table", "[" + String.join(", ", table.identifier().toList())
                        + (partitions == null ? "" : ", partitions=" + partitions) + "]")
                .attribute("fields", String.join(", ", produced.names())).toString();
        if (source instanceof TransformationScanSource) {
            Transformation provided = ((TransformationScanSource) source).produce(name, fields, produced);
            context.markSourceWatermarks(provided);
            return provided;
        }
        SourceTransformation st = new SourceTransformation(name, source, fields, produced);
        if (source instanceof io.sluice.runtime.connector.ParallelismProvider) {
            ((io.sluice.runtime.connector.ParallelismProvider) source).getParallelism().ifPresent(st::setParallelism);
        }
        String badRecordsTable = ct.options().get(BadRecords.TABLE_OPTION.key());
        if (badRecordsTable != null) {
            st.withBadRecordsTable(table.identifier().toString(), badRecordsTable);
        }
        return st;
    }
}
