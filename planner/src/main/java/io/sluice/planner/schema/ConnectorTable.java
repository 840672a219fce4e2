package io.sluice.planner.schema;

import io.sluice.codegen.RelTypes;
import io.sluice.planner.SluicePlanner;
import io.sluice.planner.catalog.CatalogColumn;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.ObjectIdentifier;
import io.sluice.planner.rel.WatermarkAssigner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.RelOptTableImpl;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.TemporalTable;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A catalog table as Calcite sees it: its row type, plus the catalog entry the planner translates.
 *
 * <p>A table with computed columns or a watermark expands, when a query reads it, into a scan of its
 * physical columns, a projection computing the declared columns in order, and a
 * {@link WatermarkAssigner} on the rowtime column, as Flink's source expansion does.
 *
 * <p>Like every Flink catalog table it is a {@link TemporalTable}, so validation accepts
 * {@code FOR SYSTEM_TIME AS OF}; whether the table really is a versioned table (primary key and rowtime
 * attribute) is checked when the temporal join is translated, with Flink's messages.
 */
public final class ConnectorTable extends AbstractTable implements TranslatableTable, TemporalTable {
    private final ObjectIdentifier identifier;
    private final CatalogTable table;
    private final SluicePlanner planner;
    private final boolean physicalOnly;

    public ConnectorTable(ObjectIdentifier identifier, CatalogTable table, SluicePlanner planner) {
        this(identifier, table, planner, false);
    }

    private ConnectorTable(ObjectIdentifier identifier, CatalogTable table, SluicePlanner planner,
            boolean physicalOnly) {
        this.identifier = identifier;
        this.table = table;
        this.planner = planner;
        this.physicalOnly = physicalOnly;
    }

    public ObjectIdentifier identifier() {
        return identifier;
    }

    public CatalogTable table() {
        return table;
    }

    /**
     * True for the view that the scan under a computed-column projection reads: the physical columns followed by
     * the metadata columns ({@link CatalogTable#sourceRowType()}).
     */
    public boolean isPhysicalOnly() {
        return physicalOnly;
    }

    private boolean needsExpansion() {
        return !physicalOnly && (table.watermarkColumn() != null
                || table.columns().stream().anyMatch(c -> !c.isPhysical()));
    }

    /** Calcite's system-period column names; Flink's versioned tables have none, so these are placeholders. */
    @Override
    public String getSysStartFieldName() {
        return "sys_start";
    }

    @Override
    public String getSysEndFieldName() {
        return "sys_end";
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder b = typeFactory.builder();
        if (physicalOnly) {
            io.sluice.runtime.types.RowType source = table.sourceRowType();
            for (int i = 0; i < source.size(); i++) {
                b.add(source.name(i), RelTypes.toRelDataType(source.type(i), typeFactory));
            }
            return b.build();
        }
        for (CatalogColumn c : table.columns()) {
            b.add(c.name(), RelTypes.toRelDataType(c.type(), typeFactory));
        }
        return b.build();
    }

    /**
     * The scan of this table; an {@code OPTIONS} hint on it ({@link OptionsHint}) gives that one scan the table's
     * options overridden and extended by the hint's.
     */
    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        Map<String, String> hinted = OptionsHint.options(context.getTableHints(), identifier, planner.config());
        if (hinted.isEmpty()) {
            return expand(context, relOptTable);
        }
        Map<String, String> merged = new LinkedHashMap<>(table.options());
        merged.putAll(hinted);
        ConnectorTable enriched = new ConnectorTable(identifier, table.withOptions(merged), planner, physicalOnly);
        RelOptTable enrichedTable = RelOptTableImpl.create(relOptTable.getRelOptSchema(), relOptTable.getRowType(),
                enriched, com.google.common.collect.ImmutableList.copyOf(relOptTable.getQualifiedName()));
        return enriched.expand(context, enrichedTable);
    }

    private RelNode expand(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        RelOptCluster cluster = context.getCluster();
        if (!needsExpansion()) {
            return LogicalTableScan.create(cluster, relOptTable, context.getTableHints());
        }
        ConnectorTable physical = new ConnectorTable(identifier, table, planner, true);
        RelDataType physicalType = physical.getRowType(cluster.getTypeFactory());
        RelOptTable physicalTable = RelOptTableImpl.create(relOptTable.getRelOptSchema(), physicalType, physical,
                com.google.common.collect.ImmutableList.copyOf(relOptTable.getQualifiedName()));
        RelNode scan = LogicalTableScan.create(cluster, physicalTable, context.getTableHints());

        List<String> expressions = new ArrayList<>();
        for (CatalogColumn c : table.columns()) {
            if (c.isComputed()) {
                expressions.add(c.expression());
            }
        }
        List<RexNode> computed = expressions.isEmpty() ? List.of()
                : planner.convertExpressions(cluster, physicalType, expressions);
        RexBuilder rex = cluster.getRexBuilder();
        RelDataType declared = getRowType(cluster.getTypeFactory());
        List<RexNode> projects = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int physicalIndex = 0;
        int metadataIndex = table.physicalRowType().size();
        int computedIndex = 0;
        for (int i = 0; i < table.columns().size(); i++) {
            CatalogColumn c = table.columns().get(i);
            RelDataType type = declared.getFieldList().get(i).getType();
            RexNode e = c.isPhysical() ? rex.makeInputRef(scan, physicalIndex++)
                    : c.isMetadata() ? rex.makeInputRef(scan, metadataIndex++) : computed.get(computedIndex++);
            if (!e.getType().equals(type)) {
                e = rex.makeCast(type, e, true, false);
            }
            projects.add(e);
            names.add(c.name());
        }
        boolean identity = expressions.isEmpty() && isPhysicalThenMetadata();
        RelNode result = identity ? scan
                : LogicalProject.create(scan, List.of(), projects, names, java.util.Set.of());
        if (table.watermarkColumn() != null) {
            int rowtime = table.columnNames().indexOf(table.watermarkColumn());
            if (WatermarkAssigner.isSourceWatermark(table.watermarkExpression())) {
                return WatermarkAssigner.createSourceWatermark(result, rowtime);
            }
            RexNode watermark = planner.convertExpressions(cluster, result.getRowType(),
                    List.of(table.watermarkExpression())).get(0);
            result = WatermarkAssigner.create(result, rowtime, watermark);
        }
        return result;
    }

    /** True when the declared column order is already the scan's order (physical columns, then metadata). */
    private boolean isPhysicalThenMetadata() {
        boolean metadataSeen = false;
        for (CatalogColumn c : table.columns()) {
            if (c.isMetadata()) {
                metadataSeen = true;
            } else if (metadataSeen) {
                return false;
            }
        }
        return true;
    }
}
