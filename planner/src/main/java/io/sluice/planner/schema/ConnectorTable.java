package io.sluice.planner.schema;

import io.sluice.codegen.RelTypes;
import io.sluice.planner.catalog.CatalogColumn;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.ObjectIdentifier;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/** A catalog table as Calcite sees it: its row type, plus the catalog entry the planner translates. */
public final class ConnectorTable extends AbstractTable {
    private final ObjectIdentifier identifier;
    private final CatalogTable table;

    public ConnectorTable(ObjectIdentifier identifier, CatalogTable table) {
        this.identifier = identifier;
        this.table = table;
    }

    public ObjectIdentifier identifier() {
        return identifier;
    }

    public CatalogTable table() {
        return table;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder b = typeFactory.builder();
        for (CatalogColumn c : table.columns()) {
            b.add(c.name(), RelTypes.toRelDataType(c.type(), typeFactory));
        }
        return b.build();
    }
}
