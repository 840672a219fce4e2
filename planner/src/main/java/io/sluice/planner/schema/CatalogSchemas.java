package io.sluice.planner.schema;

import io.sluice.planner.SluicePlanner;
import io.sluice.codegen.RelTypes;
import io.sluice.planner.catalog.CatalogManager;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.CatalogView;
import io.sluice.planner.catalog.ObjectIdentifier;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Presents a {@link CatalogManager} to Calcite: the root schema has one sub-schema per catalog, each
 * with one sub-schema per database, whose tables are the catalog's tables and views. Lookups go to the
 * catalog manager every time, so DDL is visible to the next statement. The root also defines Flink's
 * type names {@code STRING} and {@code BYTES}.
 */
public final class CatalogSchemas {
    private CatalogSchemas() {
    }

    /**
     * The root schema over every catalog; {@code planner} expands tables with computed columns and
     * watermarks when a query reads them.
     */
    public static Schema root(CatalogManager catalogs, SluicePlanner planner) {
        return new RootSchema(catalogs, planner);
    }

    private static final class RootSchema extends AbstractSchema {
        private final CatalogManager catalogs;
        private final SluicePlanner planner;

        RootSchema(CatalogManager catalogs, SluicePlanner planner) {
            this.catalogs = catalogs;
            this.planner = planner;
        }

        @Override
        protected Map<String, Schema> getSubSchemaMap() {
            Map<String, Schema> m = new LinkedHashMap<>();
            for (String c : catalogs.listCatalogs()) {
                m.put(c, new CatalogSchema(catalogs, planner, c));
            }
            return m;
        }

        @Override
        protected Map<String, RelProtoDataType> getTypeMap() {
            Map<String, RelProtoDataType> types = new LinkedHashMap<>();
            types.put("STRING", f -> f.createTypeWithNullability(
                    f.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), true));
            types.put("BYTES", f -> f.createTypeWithNullability(
                    f.createSqlType(SqlTypeName.VARBINARY, Integer.MAX_VALUE), true));
            return types;
        }
    }

    private static final class CatalogSchema extends AbstractSchema {
        private final CatalogManager catalogs;
        private final SluicePlanner planner;
        private final String catalog;

        CatalogSchema(CatalogManager catalogs, SluicePlanner planner, String catalog) {
            this.catalogs = catalogs;
            this.planner = planner;
            this.catalog = catalog;
        }

        @Override
        protected Map<String, Schema> getSubSchemaMap() {
            Map<String, Schema> m = new LinkedHashMap<>();
            for (String d : catalogs.listDatabases(catalog)) {
                m.put(d, new DatabaseSchema(catalogs, planner, catalog, d));
            }
            return m;
        }
    }

    private static final class DatabaseSchema extends AbstractSchema {
        private final CatalogManager catalogs;
        private final SluicePlanner planner;
        private final String catalog;
        private final String database;

        DatabaseSchema(CatalogManager catalogs, SluicePlanner planner, String catalog, String database) {
            this.catalogs = catalogs;
            this.planner = planner;
            this.catalog = catalog;
            this.database = database;
        }

        @Override
        protected Map<String, Table> getTableMap() {
            Map<String, Table> m = new LinkedHashMap<>();
            for (String name : catalogs.listObjects(catalog, database)) {
                ObjectIdentifier id = new ObjectIdentifier(catalog, database, name);
                Object o = catalogs.getObject(id).orElseThrow();
                if (o instanceof CatalogView) {
                    m.put(name, new ViewTable(id, (CatalogView) o));
                } else {
                    m.put(name, new ConnectorTable(id, (CatalogTable) o, planner));
                }
            }
            return m;
        }
    }

    static org.apache.calcite.rel.type.RelDataType rowType(io.sluice.runtime.types.RowType t,
            org.apache.calcite.rel.type.RelDataTypeFactory f) {
        org.apache.calcite.rel.type.RelDataTypeFactory.Builder b = f.builder();
        for (int i = 0; i < t.size(); i++) {
            b.add(t.name(i), RelTypes.toRelDataType(t.type(i), f));
        }
        return b.build();
    }
}
