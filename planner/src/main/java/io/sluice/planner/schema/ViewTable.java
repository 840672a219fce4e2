package io.sluice.planner.schema;

import io.sluice.planner.catalog.CatalogView;
import io.sluice.planner.catalog.ObjectIdentifier;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TemporalTable;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A view as Calcite sees it: expanded into its query's plan wherever it is referenced. It is a
 * {@link TemporalTable}, as in Flink, so that a versioned view (one that deduplicates on a key ordered by
 * its rowtime) can follow {@code FOR SYSTEM_TIME AS OF}; the temporal join translation checks it.
 */
public final class ViewTable extends AbstractTable implements TranslatableTable, TemporalTable {
    private final ObjectIdentifier identifier;
    private final CatalogView view;

    public ViewTable(ObjectIdentifier identifier, CatalogView view) {
        this.identifier = identifier;
        this.view = view;
    }

    /** Calcite's system-period column names; Flink's versioned views have none, so these are placeholders. */
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
        return CatalogSchemas.rowType(view.rowType(), typeFactory);
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        RelNode rel = context.expandView(relOptTable.getRowType(), view.query(),
                List.of(identifier.catalog(), identifier.database()), identifier.toList()).rel;
        return org.apache.calcite.plan.RelOptUtil.createCastRel(rel, relOptTable.getRowType(), true);
    }
}
