package io.sluice.table.api.internal;

import io.sluice.codegen.RelTypes;
import io.sluice.planner.catalog.CatalogColumn;
import io.sluice.planner.catalog.CatalogManager;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.CatalogView;
import io.sluice.planner.catalog.ObjectIdentifier;
import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.DynamicTableSinkFactory;
import io.sluice.runtime.connector.DynamicTableSourceFactory;
import io.sluice.runtime.connector.Factory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.util.NameSuggestions;
import io.sluice.sql.parser.SqlParseException;
import io.sluice.sql.parser.StatementParser;
import io.sluice.sql.parser.ast.*;
import io.sluice.table.api.Column;
import io.sluice.table.api.DataTypes;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.SqlParserException;
import io.sluice.table.api.TableException;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import io.sluice.types.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Executes one parsed statement against a {@link TableEnvironmentImpl}: DDL against the catalog, SET/RESET
 * against the session options, SHOW/DESCRIBE/EXPLAIN as result rows, queries and INSERTs as jobs. Errors
 * inside query text carry positions relative to the whole statement.
 */
final class StatementExecutor implements StatementVisitor<TableResult> {
    private final TableEnvironmentImpl env;
    /** INSERTs collected between BEGIN STATEMENT SET and END, or null outside a set. */
    private List<InsertStatement> pendingSet;

    StatementExecutor(TableEnvironmentImpl env) {
        this.env = env;
    }

    TableResult execute(String statement) {
        ParsedStatement parsed;
        try {
            parsed = StatementParser.parse(statement);
        } catch (SqlParseException e) {
            throw new SqlParserException(e.getMessage(), e.line(), e.column());
        }
        if (pendingSet != null && !(parsed instanceof InsertStatement) && !(parsed instanceof EndStatementSetStatement)) {
            throw new ValidationException("Only INSERT statements are allowed inside BEGIN STATEMENT SET ... END.");
        }
        return parsed.accept(this);
    }

    String explain(String statement) {
        ParsedStatement parsed;
        try {
            parsed = StatementParser.parse(statement);
        } catch (SqlParseException e) {
            throw new SqlParserException(e.getMessage(), e.line(), e.column());
        }
        if (parsed instanceof ExplainStatement) {
            parsed = ((ExplainStatement) parsed).statement();
        }
        return explainText(parsed);
    }

    private Configuration config() {
        return env.configuration();
    }

    private CatalogManager catalogs() {
        return env.catalogs();
    }

    /** Runs {@code action}; a position in an error is shifted from the fragment to the statement. */
    private static <T> T inFragment(SqlFragment fragment, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (TableException e) {
            if (e.hasPosition()) {
                int line = fragment.line() + e.line() - 1;
                int column = e.line() == 1 ? fragment.column() + e.column() - 1 : e.column();
                e.atPosition(line, column);
            } else {
                e.atPosition(fragment.line(), fragment.column());
            }
            throw e;
        }
    }

    private static List<String> path(ObjectName name) {
        return name.parts();
    }

    // ------------------------------------------------------------------ queries and DML

    @Override
    public TableResult visit(QueryStatement s) {
        return inFragment(s.query(), () -> env.executeQuery(s.query().text()));
    }

    private TableEnvironmentImpl.CompiledInsert compile(InsertStatement s) {
        if (s.isOverwrite()) {
            throw new UnsupportedFeatureException("INSERT OVERWRITE");
        }
        if (!s.staticPartitions().isEmpty()) {
            throw new UnsupportedFeatureException("INSERT with a PARTITION clause");
        }
        return inFragment(s.query(), () -> env.compileInsert(path(s.table()), s.columns(), s.query().text()));
    }

    @Override
    public TableResult visit(InsertStatement s) {
        if (pendingSet != null) {
            compile(s);
            pendingSet.add(s);
            return TableResultImpl.ok(config());
        }
        return env.executeInserts(List.of(compile(s)));
    }

    @Override
    public TableResult visit(StatementSetStatement s) {
        List<TableEnvironmentImpl.CompiledInsert> inserts = new ArrayList<>();
        s.inserts().forEach(i -> inserts.add(compile(i)));
        return env.executeInserts(inserts);
    }

    @Override
    public TableResult visit(ExecuteStatement s) {
        return s.statement().accept(this);
    }

    @Override
    public TableResult visit(BeginStatementSetStatement s) {
        if (pendingSet != null) {
            throw new ValidationException("A statement set is already open; finish it with END.");
        }
        pendingSet = new ArrayList<>();
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(EndStatementSetStatement s) {
        if (pendingSet == null) {
            throw new ValidationException("END without BEGIN STATEMENT SET.");
        }
        List<InsertStatement> set = pendingSet;
        pendingSet = null;
        if (set.isEmpty()) {
            return TableResultImpl.ok(config());
        }
        List<TableEnvironmentImpl.CompiledInsert> inserts = new ArrayList<>();
        set.forEach(i -> inserts.add(compile(i)));
        return env.executeInserts(inserts);
    }

    @Override
    public TableResult visit(ExplainStatement s) {
        boolean changelog = s.details().contains(ExplainStatement.ExplainDetail.CHANGELOG_MODE)
                && config().get(io.sluice.runtime.config.ExecutionOptions.RUNTIME_MODE)
                        == io.sluice.runtime.config.RuntimeMode.STREAMING;
        String text = explainText(s.statement(), changelog);
        return TableResultImpl.ofRows(ResolvedSchema.of(Column.physical("result", DataTypes.STRING())),
                List.of(Row.of(text)), config());
    }

    private String explainText(ParsedStatement s) {
        return explainText(s, false);
    }

    /** The plan text; {@code changelogMode} adds each physical node's row kinds ({@code EXPLAIN CHANGELOG_MODE}). */
    private String explainText(ParsedStatement s, boolean changelogMode) {
        if (s instanceof QueryStatement) {
            SqlFragment q = ((QueryStatement) s).query();
            return inFragment(q, () -> env.compileQuery(q.text()).explain(changelogMode));
        }
        if (s instanceof InsertStatement) {
            TableEnvironmentImpl.CompiledInsert i = compile((InsertStatement) s);
            return io.sluice.planner.PlanPrinter.explain(i.query.plan.logical, i.query.plan.optimized, i.sink,
                    changelogMode);
        }
        if (s instanceof StatementSetStatement) {
            StringBuilder sb = new StringBuilder();
            for (InsertStatement i : ((StatementSetStatement) s).inserts()) {
                sb.append(explainText(i, changelogMode)).append('\n');
            }
            return sb.toString();
        }
        if (s instanceof ExecuteStatement) {
            return explainText(((ExecuteStatement) s).statement(), changelogMode);
        }
        throw new ValidationException("EXPLAIN supports queries, INSERT and statement sets, not: " + s);
    }

    // ------------------------------------------------------------------ DDL

    @Override
    public TableResult visit(CreateTableStatement s) {
        if (s.like() != null) {
            throw new UnsupportedFeatureException("CREATE TABLE ... LIKE");
        }
        List<CatalogColumn> columns = new ArrayList<>();
        for (ColumnDefinition c : s.columns()) {
            switch (c.kind()) {
                case PHYSICAL:
                    columns.add(CatalogColumn.physical(c.name(), DdlTypes.toLogicalType(c.type()), c.comment()));
                    break;
                case COMPUTED:
                    columns.add(CatalogColumn.computed(c.name(), null, c.expression().text(), c.comment()));
                    break;
                default:
                    throw new UnsupportedFeatureException("metadata column '" + c.name() + "'");
            }
        }
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        for (int i = 0; i < names.size(); i++) {
            if (names.indexOf(names.get(i)) != i) {
                throw new ValidationException("Duplicate column name '" + names.get(i) + "' in table " + s.name() + ".");
            }
        }
        columns = env.typeComputedColumns(s, columns);
        String watermarkColumn = null;
        String watermarkExpr = null;
        if (s.watermark() != null) {
            watermarkColumn = s.watermark().rowtimeColumn();
            watermarkExpr = s.watermark().expression().text();
            if (!names.contains(watermarkColumn)) {
                throw new ValidationException("The rowtime attribute '" + watermarkColumn + "' of the WATERMARK is not a"
                        + " column of table " + s.name() + "." + NameSuggestions.didYouMean(watermarkColumn, names));
            }
            env.validateWatermark(s, columns, watermarkColumn, watermarkExpr);
        }
        List<String> pk = s.primaryKey() == null ? List.of() : s.primaryKey().columns();
        for (String k : pk) {
            if (!names.contains(k)) {
                throw new ValidationException("Primary key column '" + k + "' is not a column of table " + s.name() + "."
                        + NameSuggestions.didYouMean(k, names));
            }
        }
        if (!s.partitionKeys().isEmpty()) {
            throw new UnsupportedFeatureException("PARTITIONED BY");
        }
        ObjectIdentifier id = catalogs().qualify(path(s.name()));
        CatalogTable table = new CatalogTable(columns, s.options(), pk, watermarkColumn, watermarkExpr, s.comment());
        validateConnectorOptions(id, table);
        catalogs().createObject(id, table, s.isIfNotExists(), s.isTemporary());
        return TableResultImpl.ok(config());
    }

    /** Checks the connector exists and its options are valid as early as CREATE TABLE. */
    private void validateConnectorOptions(ObjectIdentifier id, CatalogTable table) {
        Map<String, String> options = table.options();
        String connector = options.get(FactoryUtil.CONNECTOR.key());
        if (connector == null) {
            throw new ValidationException("Table " + id + " needs a 'connector' option in its WITH clause, e.g. "
                    + "WITH ('connector' = 'filesystem', 'path' = '...', 'format' = 'csv').");
        }
        Factory factory = null;
        for (Factory f : FactoryUtil.discoverAll(env.classLoader())) {
            if (f.factoryIdentifier().equals(connector)
                    && (f instanceof DynamicTableSourceFactory || f instanceof DynamicTableSinkFactory)) {
                factory = f;
            }
        }
        if (factory == null) {
            FactoryUtil.discover(DynamicTableSourceFactory.class, connector, env.classLoader()); // throws with suggestions
            return;
        }
        FactoryUtil.validateOptions(id.toString(), factory, options, env.classLoader());
    }

    @Override
    public TableResult visit(CreateTableAsStatement s) {
        throw new UnsupportedFeatureException("CREATE TABLE ... AS SELECT");
    }

    @Override
    public TableResult visit(CreateViewStatement s) {
        ObjectIdentifier id = catalogs().qualify(path(s.name()));
        inFragment(s.query(), () -> {
            env.createView(id, s.query().text(), s.columnNames(), s.comment(), s.isIfNotExists(), s.isTemporary());
            return null;
        });
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(CreateDatabaseStatement s) {
        List<String> parts = path(s.name());
        String catalog = parts.size() > 1 ? parts.get(0) : catalogs().currentCatalog();
        catalogs().createDatabase(catalog, parts.get(parts.size() - 1), s.isIfNotExists());
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(CreateCatalogStatement s) {
        throw new UnsupportedFeatureException("CREATE CATALOG");
    }

    @Override
    public TableResult visit(CreateFunctionStatement s) {
        throw new UnsupportedFeatureException("CREATE FUNCTION (user-defined functions)");
    }

    @Override
    public TableResult visit(DropTableStatement s) {
        catalogs().dropObject(catalogs().qualify(path(s.name())), false, s.isIfExists());
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(DropViewStatement s) {
        catalogs().dropObject(catalogs().qualify(path(s.name())), true, s.isIfExists());
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(DropDatabaseStatement s) {
        throw new UnsupportedFeatureException("DROP DATABASE");
    }

    @Override
    public TableResult visit(DropCatalogStatement s) {
        throw new UnsupportedFeatureException("DROP CATALOG");
    }

    @Override
    public TableResult visit(DropFunctionStatement s) {
        throw new UnsupportedFeatureException("DROP FUNCTION (user-defined functions)");
    }

    // ------------------------------------------------------------------ session

    @Override
    public TableResult visit(SetStatement s) {
        if (s.isList()) {
            List<Row> rows = new ArrayList<>();
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(config().toMap()).entrySet()) {
                rows.add(Row.of(e.getKey(), e.getValue()));
            }
            return TableResultImpl.ofRows(ResolvedSchema.of(Column.physical("key", DataTypes.STRING()),
                    Column.physical("value", DataTypes.STRING())), rows, config());
        }
        ConfigOption<?> option = SessionOptions.find(s.key());
        if (option == null) {
            throw new ValidationException("Unknown option '" + s.key() + "'."
                    + NameSuggestions.didYouMean(s.key(), SessionOptions.keys()));
        }
        try {
            option.parse(s.value());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(e.getMessage());
        }
        config().setString(s.key(), s.value());
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(ResetStatement s) {
        if (s.isAll()) {
            config().clear();
        } else {
            config().remove(s.key());
        }
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(UseCatalogStatement s) {
        catalogs().setCurrentCatalog(s.catalog());
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(UseDatabaseStatement s) {
        List<String> parts = path(s.name());
        if (parts.size() == 2) {
            catalogs().setCurrentCatalog(parts.get(0));
        }
        catalogs().setCurrentDatabase(parts.get(parts.size() - 1));
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(ShowStatement s) {
        CatalogManager c = catalogs();
        switch (s.kind()) {
            case TABLES:
                return names("table name", c.listObjects(c.currentCatalog(), c.currentDatabase()));
            case VIEWS:
                return names("view name", c.listViews(c.currentCatalog(), c.currentDatabase()));
            case DATABASES:
                return names("database name", c.listDatabases(c.currentCatalog()));
            case CATALOGS:
                return names("catalog name", c.listCatalogs());
            case CURRENT_CATALOG:
                return names("current catalog name", List.of(c.currentCatalog()));
            case CURRENT_DATABASE:
                return names("current database name", List.of(c.currentDatabase()));
            case FUNCTIONS: {
                TreeSet<String> fns = new TreeSet<>();
                io.sluice.codegen.functions.BuiltInFunctions.operatorTable().getOperatorList()
                        .forEach(op -> {
                            if (op.getName().matches("[A-Z_][A-Z0-9_]*")) {
                                fns.add(op.getName());
                            }
                        });
                return names("function name", new ArrayList<>(fns));
            }
            case USER_FUNCTIONS:
                return names("function name", List.of());
            case COLUMNS:
                return describe(s.target());
            case CREATE_TABLE:
            case CREATE_VIEW:
                return TableResultImpl.ofRows(ResolvedSchema.of(Column.physical("result", DataTypes.STRING())),
                        List.of(Row.of(ShowCreate.render(c.qualify(path(s.target())),
                                c.getObjectOrThrow(c.qualify(path(s.target())))))), config());
            default:
                throw new UnsupportedFeatureException("SHOW " + s.kind().sql());
        }
    }

    private TableResult names(String column, List<String> values) {
        List<Row> rows = new ArrayList<>();
        values.forEach(v -> rows.add(Row.of(v)));
        return TableResultImpl.ofRows(ResolvedSchema.of(Column.physical(column, DataTypes.STRING())), rows, config());
    }

    @Override
    public TableResult visit(DescribeStatement s) {
        return describe(s.name());
    }

    private TableResult describe(ObjectName name) {
        ObjectIdentifier id = catalogs().qualify(path(name));
        Object o = catalogs().getObjectOrThrow(id);
        List<Row> rows = new ArrayList<>();
        if (o instanceof CatalogTable) {
            CatalogTable t = (CatalogTable) o;
            for (CatalogColumn col : t.columns()) {
                LogicalType type = col.type();
                String key = t.primaryKey().contains(col.name()) ? "PRI(" + String.join(", ", t.primaryKey()) + ")" : null;
                String watermark = col.name().equals(t.watermarkColumn()) ? t.watermarkExpression() : null;
                rows.add(Row.of(col.name(), type.typeName(), type.isNullable(), key,
                        col.isPhysical() ? null : "AS " + col.expression(), watermark));
            }
        } else {
            RowType type = ((CatalogView) o).rowType();
            for (int i = 0; i < type.size(); i++) {
                rows.add(Row.of(type.name(i), type.type(i).typeName(), type.type(i).isNullable(), null, null, null));
            }
        }
        return TableResultImpl.ofRows(ResolvedSchema.of(
                Column.physical("name", DataTypes.STRING()), Column.physical("type", DataTypes.STRING()),
                Column.physical("null", DataTypes.BOOLEAN()), Column.physical("key", DataTypes.STRING()),
                Column.physical("extras", DataTypes.STRING()), Column.physical("watermark", DataTypes.STRING())),
                rows, config());
    }

    @Override
    public TableResult visit(AddJarStatement s) {
        throw new UnsupportedFeatureException("ADD JAR");
    }

    @Override
    public TableResult visit(RemoveJarStatement s) {
        throw new UnsupportedFeatureException("REMOVE JAR");
    }

    @Override
    public TableResult visit(StopJobStatement s) {
        throw new UnsupportedFeatureException("STOP JOB");
    }

    @Override
    public TableResult visit(ClientCommandStatement s) {
        throw new ValidationException(s.command() + " is a command of the SQL shell, not a statement of the Table API.");
    }
}
