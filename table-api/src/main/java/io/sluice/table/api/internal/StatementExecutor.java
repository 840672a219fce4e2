package io.sluice.table.api.internal;

import io.sluice.codegen.RelTypes;
import io.sluice.planner.catalog.CatalogColumn;
import io.sluice.planner.catalog.CatalogDescriptor;
import io.sluice.planner.catalog.CatalogFactory;
import io.sluice.planner.catalog.CatalogManager;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.CatalogView;
import io.sluice.planner.catalog.ObjectIdentifier;
import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.Configuration;
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
    /** The INSERT and CREATE TABLE AS statements of an open BEGIN STATEMENT SET, or null. */
    private List<ParsedStatement> pendingSet;
    private final SessionModules modules = new SessionModules();

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
        if (pendingSet != null && !(parsed instanceof InsertStatement) && !(parsed instanceof EndStatementSetStatement)
                && !(parsed instanceof CreateTableAsStatement c
                        && c.replaceMode() == CreateTableAsStatement.ReplaceMode.NONE)) {
            throw new ValidationException("Only 'INSERT/CREATE TABLE AS' statement is allowed in Statement Set or use"
                    + " 'END' statement to submit Statement Set.");
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
            return explainText((ExplainStatement) parsed);
        }
        return explainText(parsed);
    }

    /** Plans one INSERT statement for a {@link io.sluice.table.api.StatementSet}; other statements are rejected. */
    TableEnvironmentImpl.CompiledInsert compileInsertSql(String statement) {
        ParsedStatement parsed;
        try {
            parsed = StatementParser.parse(statement);
        } catch (SqlParseException e) {
            throw new SqlParserException(e.getMessage(), e.line(), e.column());
        }
        if (!(parsed instanceof InsertStatement)) {
            throw new TableException("Only insert statement is supported now.");
        }
        return compile((InsertStatement) parsed);
    }

    private Configuration config() {
        return env.configuration();
    }

    private CatalogManager catalogs() {
        return env.catalogs();
    }

    /** Runs {@code action}; a position in an error is shifted from the fragment to the statement. */
    static <T> T inFragment(SqlFragment fragment, java.util.function.Supplier<T> action) {
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
        if (s.isOverwrite() && config().get(io.sluice.runtime.config.ExecutionOptions.RUNTIME_MODE)
                == io.sluice.runtime.config.RuntimeMode.STREAMING) {
            throw new ValidationException("INSERT OVERWRITE is not supported in streaming mode.");
        }
        return inFragment(s.query(), () -> env.compileInsert(path(s.table()), s.staticPartitions(), s.columns(),
                s.query().text(), s.isOverwrite(), s.hintOptions()));
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
    public TableResult visit(io.sluice.sql.parser.ast.TruncateTableStatement s) {
        return new RowLevelModifications(env).truncate(s);
    }

    @Override
    public TableResult visit(io.sluice.sql.parser.ast.DeleteStatement s) {
        return new RowLevelModifications(env).delete(s);
    }

    @Override
    public TableResult visit(io.sluice.sql.parser.ast.CallStatement s) {
        return new ProcedureCalls(env).call(s);
    }

    @Override
    public TableResult visit(io.sluice.sql.parser.ast.UpdateStatement s) {
        return new RowLevelModifications(env).update(s);
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
            throw new ValidationException("No Statement Set to submit. 'END' statement should be used after "
                    + "'BEGIN STATEMENT SET'.");
        }
        List<ParsedStatement> set = pendingSet;
        pendingSet = null;
        if (set.isEmpty()) {
            return TableResultImpl.ok(config());
        }
        // CREATE TABLE AS creates its table now; when a later statement of the set cannot be planned, the tables
        // made for the set are dropped again and nothing runs
        List<TableEnvironmentImpl.CompiledInsert> inserts = new ArrayList<>();
        List<ObjectIdentifier> created = new ArrayList<>();
        try {
            for (ParsedStatement p : set) {
                inserts.add(p instanceof InsertStatement i ? compile(i) : ctasInsert((CreateTableAsStatement) p, created));
            }
        } catch (RuntimeException e) {
            created.forEach(id -> catalogs().dropObject(id, false, true));
            throw e;
        }
        return env.executeInserts(inserts);
    }

    @Override
    public TableResult visit(ExplainStatement s) {
        String text = explainText(s);
        return TableResultImpl.ofRows(ResolvedSchema.of(Column.physical("result", DataTypes.STRING())),
                List.of(Row.of(text)), config());
    }

    /** The text of an EXPLAIN statement with its details ({@code PLAN_ADVICE} is not supported). */
    private String explainText(ExplainStatement s) {
        List<ExplainStatement.ExplainDetail> details = s.details();
        if (details.contains(ExplainStatement.ExplainDetail.PLAN_ADVICE)) {
            throw new UnsupportedFeatureException("EXPLAIN PLAN_ADVICE");
        }
        boolean changelog = details.contains(ExplainStatement.ExplainDetail.CHANGELOG_MODE)
                && config().get(io.sluice.runtime.config.ExecutionOptions.RUNTIME_MODE)
                        == io.sluice.runtime.config.RuntimeMode.STREAMING;
        return explainText(s.statement(), new ExplainOptions(changelog,
                details.contains(ExplainStatement.ExplainDetail.ESTIMATED_COST),
                details.contains(ExplainStatement.ExplainDetail.JSON_EXECUTION_PLAN)));
    }

    /** The EXPLAIN details that change the output ({@code PLAN_ADVICE} is rejected before). */
    private record ExplainOptions(boolean changelogMode, boolean estimatedCost, boolean jsonExecutionPlan) {
        static final ExplainOptions NONE = new ExplainOptions(false, false, false);
    }

    private String explainText(ParsedStatement s) {
        return explainText(s, ExplainOptions.NONE);
    }

    /** The plan text with the sections {@code options} ask for. */
    private String explainText(ParsedStatement s, ExplainOptions options) {
        if (s instanceof QueryStatement) {
            SqlFragment q = ((QueryStatement) s).query();
            TableEnvironmentImpl.CompiledQuery compiled = inFragment(q, () -> env.compileQuery(q.text()));
            return explain(compiled.plan.logical, compiled.plan.optimized, compiled.root, options);
        }
        if (s instanceof InsertStatement) {
            return explainInserts(List.of(compile((InsertStatement) s)), options);
        }
        if (s instanceof StatementSetStatement) {
            List<TableEnvironmentImpl.CompiledInsert> inserts = new ArrayList<>();
            ((StatementSetStatement) s).inserts().forEach(i -> inserts.add(compile(i)));
            return explainInserts(inserts, options);
        }
        if (s instanceof ExecuteStatement) {
            return explainText(((ExecuteStatement) s).statement(), options);
        }
        throw new ValidationException("EXPLAIN supports queries, INSERT and statement sets, not: " + s);
    }

    /** One plan for INSERTs that run as one job (a statement set), or for a single INSERT. */
    private String explainInserts(List<TableEnvironmentImpl.CompiledInsert> inserts, ExplainOptions options) {
        return InsertExplainer.explain(inserts, config(), options.changelogMode(), options.estimatedCost(),
                options.jsonExecutionPlan());
    }

    private String explain(org.apache.calcite.rel.RelNode logical, org.apache.calcite.rel.RelNode optimized,
            io.sluice.runtime.graph.Transformation root, ExplainOptions options) {
        String json = options.jsonExecutionPlan() ? io.sluice.planner.JsonExecutionPlan.of(List.of(root),
                config().get(io.sluice.runtime.config.ExecutionOptions.PARALLELISM)) : null;
        return io.sluice.planner.PlanPrinter.explain(logical, optimized, root, options.changelogMode(),
                options.estimatedCost(), json);
    }

    // ------------------------------------------------------------------ DDL

    @Override
    public TableResult visit(CreateTableStatement s) {
        ObjectIdentifier id = catalogs().qualify(path(s.name()));
        if (s.isIfNotExists() && exists(id, s.isTemporary())) {
            return TableResultImpl.ok(config());
        }
        TableDraft draft = new TableDraft();
        for (ColumnDefinition c : s.columns()) {
            draft.columns.add(TableDraft.toCatalogColumn(c));
            draft.remember(c);
        }
        if (s.watermark() != null) {
            draft.watermarkColumn = s.watermark().rowtimeColumn();
            draft.watermarkExpression = s.watermark().expression().text();
            draft.watermarkPosition = s.watermark().position();
            draft.watermarkFragment = s.watermark().expression();
        }
        if (s.primaryKey() != null) {
            draft.primaryKey = s.primaryKey().columns();
            draft.primaryKeyName = s.primaryKey().constraintName();
            draft.primaryKeyPosition = s.primaryKey().position();
        }
        draft.comment = s.comment();
        draft.partitionKeys = s.partitionKeys();
        draft.options.putAll(s.options());
        if (s.like() != null) {
            ObjectIdentifier sourceId = catalogs().qualify(path(s.like().source()));
            LikeMerger.merge(draft, likeSource(s, sourceId), s.like());
        }
        CatalogTable table = draft.finish(env, id);
        catalogs().createObject(id, table, s.isIfNotExists(), s.isTemporary());
        return TableResultImpl.ok(config());
    }

    private CatalogTable likeSource(CreateTableStatement s, ObjectIdentifier sourceId) {
        Object source;
        try {
            source = catalogs().getObjectOrThrow(sourceId);
        } catch (ValidationException e) {
            throw TableDraft.at(new ValidationException("Source table of the LIKE clause: " + e.getMessage()),
                    s.like().source().position());
        }
        if (!(source instanceof CatalogTable)) {
            throw TableDraft.at(new ValidationException("Source table '" + sourceId + "' of the LIKE clause can not be"
                    + " a VIEW."), s.like().source().position());
        }
        return (CatalogTable) source;
    }

    /** Whether a temporary (or permanent) table or view of this name exists. */
    private boolean exists(ObjectIdentifier id, boolean temporary) {
        return temporary ? catalogs().isTemporary(id) : catalogs().getObject(id).isPresent() && !catalogs().isTemporary(id);
    }

    /**
     * CTAS: creates the table with the query's columns (names, types, nullability; merged with a declared schema
     * or reordered by a column name list, {@link CtasSchema}) and the given options, then runs
     * {@code INSERT INTO t <query>}. With IF NOT EXISTS and an existing table, only the INSERT runs. When the
     * INSERT cannot be planned the new table is dropped again.
     */
    @Override
    public TableResult visit(CreateTableAsStatement s) {
        if (s.replaceMode() != CreateTableAsStatement.ReplaceMode.NONE) {
            return replaceTableAs(s);
        }
        if (pendingSet != null) { // in a statement set: checked now, the table is made at END
            inFragment(s.query(), () -> env.planner().validatedRowType(s.query().text()));
            pendingSet.add(s);
            return TableResultImpl.ok(config());
        }
        return env.executeInserts(List.of(ctasInsert(s, new ArrayList<>())));
    }

    /**
     * Creates the table of a CTAS (unless IF NOT EXISTS finds it), adding its identifier to {@code created}, and
     * plans the INSERT of the query's rows; when that fails, the table made here is dropped again.
     */
    private TableEnvironmentImpl.CompiledInsert ctasInsert(CreateTableAsStatement s, List<ObjectIdentifier> created) {
        ObjectIdentifier id = catalogs().qualify(path(s.name()));
        boolean createdHere = false;
        List<String> insertColumns = List.of();
        if (!(s.isIfNotExists() && exists(id, s.isTemporary()))) {
            RowType rowType = inFragment(s.query(),
                    () -> RelTypes.toRowType(env.planner().validatedRowType(s.query().text())));
            TableDraft draft = new TableDraft();
            CtasSchema.apply(draft, s, rowType);
            if (!s.columns().isEmpty() || !s.columnNames().isEmpty()) {
                insertColumns = rowType.names(); // the query's columns go to the table's columns of their names
            }
            draft.comment = s.comment();
            draft.partitionKeys = s.partitionKeys();
            draft.options.putAll(s.options());
            CatalogTable table = draft.finish(env, id);
            catalogs().createObject(id, table, false, s.isTemporary());
            createdHere = true;
        }
        try {
            List<String> targetColumns = insertColumns;
            TableEnvironmentImpl.CompiledInsert insert = inFragment(s.query(),
                    () -> env.compileInsert(id.toList(), targetColumns, s.query().text()));
            if (createdHere) {
                created.add(id);
            }
            return insert;
        } catch (RuntimeException e) {
            if (createdHere) {
                catalogs().dropObject(id, false, true);
            }
            throw e;
        }
    }

    /**
     * RTAS ({@code [CREATE OR] REPLACE TABLE t ... AS query}), as in Flink: the table gets the definition the
     * query and the statement give (as CTAS builds it), replacing the old one, then the query's rows are inserted.
     * {@code REPLACE TABLE} needs the table to exist. The query is validated and the INSERT planned before anything
     * changes in the catalog; when planning fails the old definition stays.
     */
    private TableResult replaceTableAs(CreateTableAsStatement s) {
        ObjectIdentifier id = catalogs().qualify(path(s.name()));
        if (catalogs().isTemporary(id)) {
            throw new ValidationException("REPLACE TABLE AS is not supported for the temporary table " + id);
        }
        boolean exists = exists(id, false);
        if (!exists && s.replaceMode() == CreateTableAsStatement.ReplaceMode.REPLACE) {
            String quoted = "`" + id.catalog() + "`.`" + id.database() + "`.`" + id.object() + "`";
            throw new ValidationException("The table " + quoted + " to be replaced doesn't exist. You can try to use"
                    + " CREATE TABLE AS statement or CREATE OR REPLACE TABLE AS statement.");
        }
        RowType rowType = inFragment(s.query(),
                () -> RelTypes.toRowType(env.planner().validatedRowType(s.query().text())));
        TableDraft draft = new TableDraft();
        CtasSchema.apply(draft, s, rowType);
        List<String> insertColumns = !s.columns().isEmpty() || !s.columnNames().isEmpty()
                ? rowType.names() : List.of();
        draft.comment = s.comment();
        draft.partitionKeys = s.partitionKeys();
        draft.options.putAll(s.options());
        CatalogTable table = draft.finish(env, id);
        Object previous = exists ? catalogs().getObjectOrThrow(id) : null;
        if (previous != null && !(previous instanceof CatalogTable)) {
            throw new ValidationException(id + " is a view; REPLACE TABLE AS replaces tables only");
        }
        if (exists) {
            catalogs().alterObject(id, table);
        } else {
            catalogs().createObject(id, table, false, false);
        }
        TableEnvironmentImpl.CompiledInsert insert;
        try {
            insert = inFragment(s.query(), () -> env.compileInsert(id.toList(), insertColumns, s.query().text()));
        } catch (RuntimeException e) {
            if (exists) {
                catalogs().alterObject(id, previous);
            } else {
                catalogs().dropObject(id, false, true);
            }
            throw e;
        }
        return env.executeInserts(List.of(insert));
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
        boolean existed = catalogs().hasDatabase(catalog, parts.get(parts.size() - 1));
        catalogs().createDatabase(catalog, parts.get(parts.size() - 1), s.isIfNotExists());
        if (!existed && !s.options().isEmpty()) {
            catalogs().getCatalog(catalog).orElseThrow().setDatabaseProperties(parts.get(parts.size() - 1),
                    s.options());
        }
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(CreateCatalogStatement s) {
        if (catalogs().hasCatalog(s.name())) {
            if (s.isIfNotExists()) {
                return TableResultImpl.ok(config());
            }
            throw new ValidationException("Catalog " + s.name() + " already exists.");
        }
        catalogs().registerCatalog(s.name(), io.sluice.planner.catalog.CatalogFactory.create(s.name(), s.options()),
                s.isIfNotExists());
        catalogs().describeCatalog(s.name(), new CatalogDescriptor(s.options(), s.comment()));
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(AlterCatalogStatement s) {
        CatalogDescriptor d = catalogs().catalogDescriptor(s.catalog());
        switch (s.action()) {
            case SET: {
                if (s.options().containsKey(CatalogFactory.TYPE)) {
                    throw new ValidationException("ALTER CATALOG SET does not support changing 'type'");
                }
                Map<String, String> options = new java.util.HashMap<>(d.options());
                options.putAll(s.options());
                CatalogFactory.create(s.catalog(), options).close(); // the new options must make a valid catalog
                catalogs().describeCatalog(s.catalog(), d.withOptions(options));
                break;
            }
            case RESET: {
                if (s.resetKeys().isEmpty()) {
                    throw new ValidationException("ALTER CATALOG RESET does not support empty key");
                }
                if (s.resetKeys().contains(CatalogFactory.TYPE)) {
                    throw new ValidationException("ALTER CATALOG RESET does not support changing 'type'");
                }
                Map<String, String> options = new java.util.HashMap<>(d.options());
                s.resetKeys().forEach(options::remove);
                catalogs().describeCatalog(s.catalog(), d.withOptions(options));
                break;
            }
            default:
                catalogs().describeCatalog(s.catalog(), d.withComment(s.comment().isEmpty() ? null : s.comment()));
        }
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(AlterDatabaseStatement s) {
        List<String> parts = path(s.name());
        String catalog = parts.size() > 1 ? parts.get(0) : catalogs().currentCatalog();
        String database = parts.get(parts.size() - 1);
        if (parts.size() > 2) {
            throw new ValidationException("ALTER DATABASE takes [catalog.]database, not " + s.name() + ".");
        }
        if (!catalogs().hasDatabase(catalog, database)) {
            throw new ValidationException("Database " + database + " does not exist in Catalog " + catalog + ".");
        }
        io.sluice.planner.catalog.Catalog cat = catalogs().getCatalog(catalog).orElseThrow();
        Map<String, String> properties = new java.util.HashMap<>(cat.databaseProperties(database));
        properties.putAll(s.options());
        cat.setDatabaseProperties(database, properties);
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(ModuleStatement s) {
        modules.execute(s);
        env.functions().useBuiltInFunctions(modules.coreUsed());
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(CreateFunctionStatement s) {
        List<String> parts = path(s.name());
        String simple = parts.get(parts.size() - 1);
        io.sluice.planner.functions.FunctionCatalog functions = env.functions();
        if (s.isSystem()) {
            if (parts.size() > 1) {
                throw new ValidationException("Temporary system function " + s.name()
                        + " must not have a catalog or database: write CREATE TEMPORARY SYSTEM FUNCTION " + simple);
            }
            functions.createTemporarySystemFunction(simple, io.sluice.planner.functions.FunctionLoader.load(simple,
                    s.className(), s.language(), s.jars(), env.classLoader()), s.isIfNotExists());
        } else {
            ObjectIdentifier id = catalogs().qualify(parts);
            io.sluice.codegen.udf.UserFunction f = io.sluice.planner.functions.FunctionLoader.load(simple,
                    s.className(), s.language(), s.jars(), env.classLoader());
            if (s.isTemporary()) {
                functions.createTemporaryFunction(id, f, s.isIfNotExists());
            } else {
                functions.createCatalogFunction(id, new io.sluice.planner.catalog.CatalogFunction(s.className(),
                        s.language(), s.jars()), f, s.isIfNotExists());
            }
        }
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(AlterTableStatement s) {
        new AlterTableExecutor(env).alter(s);
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(AlterViewStatement s) {
        if (s.query() == null) {
            new AlterTableExecutor(env).alter(s);
        } else {
            inFragment(s.query(), () -> {
                new AlterTableExecutor(env).alter(s);
                return null;
            });
        }
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(DropTableStatement s) {
        ObjectIdentifier id = catalogs().qualify(path(s.name()));
        if (catalogs().getObject(id).orElse(null) instanceof CatalogTable t && t.isMaterialized()) {
            throw new ValidationException("Table " + id.asSerializableString() + " is a materialized table: drop it"
                    + " with DROP MATERIALIZED TABLE, which stops its refresh pipeline too.");
        }
        if (checkTemporaryDrop(id, s.isTemporary(), s.isIfExists(), "table")) {
            catalogs().dropObject(id, false, s.isIfExists());
        }
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(CreateMaterializedTableStatement s) {
        return new MaterializedTables(env).create(s);
    }

    @Override
    public TableResult visit(AlterMaterializedTableStatement s) {
        return new MaterializedTables(env).alter(s);
    }

    @Override
    public TableResult visit(DropMaterializedTableStatement s) {
        return new MaterializedTables(env).drop(s);
    }

    @Override
    public TableResult visit(DropViewStatement s) {
        ObjectIdentifier id = catalogs().qualify(path(s.name()));
        if (checkTemporaryDrop(id, s.isTemporary(), s.isIfExists(), "view")) {
            catalogs().dropObject(id, true, s.isIfExists());
        }
        return TableResultImpl.ok(config());
    }

    /**
     * Checks a DROP against temporary objects, as Flink does: DROP TEMPORARY drops only a temporary object (none:
     * an error, or nothing with IF EXISTS); a DROP without TEMPORARY of a name that is both a temporary and a
     * permanent object is refused rather than dropping the temporary one the user may not have meant.
     *
     * @return whether the drop goes on
     */
    private boolean checkTemporaryDrop(ObjectIdentifier id, boolean temporary, boolean ifExists, String kind) {
        if (temporary && !catalogs().isTemporary(id)) {
            if (ifExists) {
                return false;
            }
            throw new ValidationException("Temporary " + kind + " with identifier '" + id.asSerializableString()
                    + "' does not exist.");
        }
        if (!temporary && catalogs().isTemporary(id) && catalogs().permanentExists(id)) {
            throw new ValidationException("Temporary " + kind + " with identifier '" + id.asSerializableString()
                    + "' exists. Drop it first before removing the permanent " + kind + ".");
        }
        return true;
    }

    @Override
    public TableResult visit(DropDatabaseStatement s) {
        List<String> parts = path(s.name());
        if (parts.size() > 2) {
            throw new ValidationException("Invalid database name '" + s.name() + "': expected [catalog.]database.");
        }
        String catalog = parts.size() > 1 ? parts.get(0) : catalogs().currentCatalog();
        catalogs().dropDatabase(catalog, parts.get(parts.size() - 1), s.isIfExists(), s.isCascade());
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(DropCatalogStatement s) {
        catalogs().dropCatalog(s.name(), s.isIfExists());
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(DropFunctionStatement s) {
        List<String> parts = path(s.name());
        io.sluice.planner.functions.FunctionCatalog functions = env.functions();
        if (s.isSystem()) {
            if (parts.size() > 1) {
                throw new ValidationException("Temporary system function " + s.name()
                        + " has no catalog or database: write DROP TEMPORARY SYSTEM FUNCTION "
                        + parts.get(parts.size() - 1));
            }
            functions.dropTemporarySystemFunction(parts.get(0), s.isIfExists());
        } else if (s.isTemporary()) {
            functions.dropTemporaryFunction(catalogs().qualify(parts), s.isIfExists());
        } else {
            functions.dropCatalogFunction(catalogs().qualify(parts), s.isIfExists());
        }
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(AlterFunctionStatement s) {
        if (s.isTemporary()) {
            throw new ValidationException("Alter temporary catalog function is not supported");
        }
        ObjectIdentifier id = catalogs().qualify(path(s.name()));
        io.sluice.planner.catalog.Catalog catalog = catalogs().getCatalog(id.catalog()).orElseThrow(
                () -> new ValidationException("Catalog " + id.catalog() + " does not exist."));
        if (!catalog.databaseExists(id.database()) || catalog.getFunction(id.database(), id.object()).isEmpty()) {
            if (s.isIfExists()) {
                return TableResultImpl.ok(config());
            }
            throw new ValidationException("Function " + id + " does not exist.");
        }
        io.sluice.planner.catalog.CatalogFunction old = catalog.getFunction(id.database(), id.object()).get();
        io.sluice.codegen.udf.UserFunction f = io.sluice.planner.functions.FunctionLoader.load(id.object(),
                s.className(), s.language(), old.jars(), env.classLoader());
        env.functions().dropCatalogFunction(id, false);
        env.functions().createCatalogFunction(id, new io.sluice.planner.catalog.CatalogFunction(s.className(),
                s.language(), old.jars()), f, false);
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(CompilePlanStatement s) {
        java.nio.file.Path file = planFile(s.path());
        boolean exists = java.nio.file.Files.exists(file);
        if (exists && !s.isIfNotExists() && !config().get(SessionOptions.PLAN_FORCE_RECOMPILE)) {
            throw new TableException("Cannot overwrite the plan file '" + file + "'. Either manually remove the file"
                    + " or, if you're debugging your job, set the option 'table.plan.force-recompile' to true.");
        }
        if (!exists || !s.isIfNotExists()) {
            CompiledPlans.write(file, new CompiledPlans.Compiled(s.targetSql(), explainText(s.target())));
        }
        return s.isExecute() ? executePlan(file) : TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(ExecutePlanStatement s) {
        return executePlan(planFile(s.path()));
    }

    /** A plan file's path: a local path, or a {@code file:} URI as Flink also takes ({@code 'file:///plans/p.json'}). */
    static java.nio.file.Path planFile(String path) {
        java.util.regex.Matcher scheme = java.util.regex.Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):").matcher(path);
        if (!scheme.find() || scheme.group(1).length() == 1) { // no scheme (or a Windows drive letter)
            return java.nio.file.Path.of(path);
        }
        if (!scheme.group(1).equalsIgnoreCase("file")) {
            throw new io.sluice.table.api.UnsupportedFeatureException("plan files on the '" + scheme.group(1)
                    + "' file system (" + path + "); use a local path or a file: URI");
        }
        try {
            return java.nio.file.Path.of(java.net.URI.create(path));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Invalid plan file URI '" + path + "': " + e.getMessage());
        }
    }

    /** Runs a compiled plan's statement when planning it again gives the plan that was compiled. */
    private TableResult executePlan(java.nio.file.Path file) {
        CompiledPlans.Compiled compiled = CompiledPlans.read(file);
        ParsedStatement statement;
        try {
            String text = compiled.statement();
            // a statement set is stored as written after FOR (STATEMENT SET BEGIN ... END), which parses after EXECUTE
            statement = StatementParser.parse(text.stripLeading().regionMatches(true, 0, "STATEMENT", 0, 9)
                    ? "EXECUTE " + text : text);
        } catch (SqlParseException e) {
            throw new TableException("The plan file '" + file + "' holds a statement that does not parse: "
                    + e.getMessage(), e);
        }
        String now = explainText(statement);
        if (!now.equals(compiled.plan())) {
            throw new TableException("The plan in '" + file + "' no longer matches what its statement plans to now"
                    + " (a table it reads or writes, or Sluice, changed since it was compiled); compile the plan"
                    + " again.\nCompiled plan:\n" + compiled.plan() + "\nPlan now:\n" + now);
        }
        return statement.accept(this);
    }

    /**
     * EXPLAIN UPGRADE FROM 'checkpoint' statement: per operator of the job the statement would run, whether the
     * checkpoint's state is restored, starts empty, does not fit, or is dropped ({@code StateCompatibility}, which a
     * job started from that checkpoint then follows).
     */
    @Override
    public TableResult visit(ExplainUpgradeStatement s) {
        String source = s.fromJob() ? runningJobState(s.checkpoint()) : s.checkpoint();
        io.sluice.runtime.checkpoint.CheckpointStorage.Checkpoint checkpoint = readCheckpoint(source);
        // a query's sink is named as the real one (CollectSink), so its derived state identity is the same
        List<io.sluice.runtime.graph.SinkTransformation> sinks = sinksOf(s.statement(),
                root -> new io.sluice.runtime.graph.SinkTransformation("CollectSink", root, context -> {
                    throw new IllegalStateException("EXPLAIN UPGRADE does not run the query");
                }));
        List<io.sluice.runtime.execution.StateCompatibility.Entry> report =
                io.sluice.runtime.execution.StateCompatibility.report(
                        new io.sluice.runtime.graph.JobGraph("explain-upgrade", sinks), config(), checkpoint);
        StringBuilder text = new StringBuilder("== Upgrade from ");
        if (s.fromJob()) {
            text.append("job ").append(s.checkpoint()).append(", its state at ");
        }
        text.append(checkpoint.directory()).append(" ==\n");
        for (io.sluice.runtime.execution.StateCompatibility.Entry e : report) {
            text.append(e.verdict()).append(": ").append(e.operator()).append("\n  uid ").append(e.uid())
                    .append(": ").append(e.detail()).append('\n');
        }
        boolean blocked = report.stream().anyMatch(e -> switch (e.verdict()) {
            case INCOMPATIBLE, DROPPED, OTHER_PARALLELISM -> true;
            default -> false;
        });
        text.append(blocked ? "\nA job started from this checkpoint fails unless"
                + " 'execution.savepoint.ignore-unclaimed-state' = 'true' (then INCOMPATIBLE operators start empty"
                + " and DROPPED state is left out); OTHER_PARALLELISM is not supported yet.\n"
                : "\nA job started from this checkpoint restores every RESTORED operator, redistributes the state of every"
                + " RESCALED one over its new instances; the others start empty.\n");
        return TableResultImpl.ofRows(ResolvedSchema.of(Column.physical("result", DataTypes.STRING())),
                List.of(Row.of(text.toString())), config());
    }

    /** EXPLAIN ANALYZE statement: runs it (queries into a discarding sink) and shows what each operator did. */
    @Override
    public TableResult visit(ExplainAnalyzeStatement s) {
        List<io.sluice.runtime.graph.SinkTransformation> sinks = sinksOf(s.statement(), ExplainAnalyze::discardSink);
        return TableResultImpl.ofRows(ResolvedSchema.of(Column.physical("result", DataTypes.STRING())),
                List.of(Row.of(ExplainAnalyze.run(sinks, config()))), config());
    }

    /**
     * The sinks of the job an INSERT, statement set or query would run; a query's plan is closed by
     * {@code querySink}.
     */
    private List<io.sluice.runtime.graph.SinkTransformation> sinksOf(ParsedStatement target,
            java.util.function.Function<io.sluice.runtime.graph.Transformation,
                    io.sluice.runtime.graph.SinkTransformation> querySink) {
        List<io.sluice.runtime.graph.SinkTransformation> sinks = new ArrayList<>();
        if (target instanceof InsertStatement i) {
            sinks.add(compile(i).sink);
        } else if (target instanceof StatementSetStatement set) {
            set.inserts().forEach(i -> sinks.add(compile(i).sink));
        } else {
            SqlFragment q = ((QueryStatement) target).query();
            TableEnvironmentImpl.CompiledQuery compiled = inFragment(q, () -> env.compileQuery(q.text()));
            sinks.add(querySink.apply(compiled.root));
        }
        return BadRecordsRouting.attach(LateRowsRouting.attach(sinks, env), env);
    }

    /**
     * The state of a running job of this process: its newest completed checkpoint, or, when it has none, a savepoint
     * taken now (the job goes on) under {@code execution.checkpointing.savepoint-dir}.
     */
    private String runningJobState(String jobId) {
        io.sluice.runtime.execution.JobExecution job = io.sluice.runtime.execution.JobExecution.running(jobId)
                .orElseThrow(() -> new ValidationException("No running job '" + jobId + "' in this process (SHOW JOBS"
                        + " lists the jobs of a shell session; a job that ended can be compared through its last"
                        + " checkpoint or savepoint: EXPLAIN UPGRADE FROM '<directory>' ...)."));
        if (job.lastCheckpoint() != null) {
            return job.lastCheckpoint().toString();
        }
        String dir = config().get(io.sluice.runtime.config.CheckpointingOptions.SAVEPOINT_DIRECTORY);
        if (dir == null || dir.isEmpty()) {
            throw new ValidationException("Job '" + jobId + "' has no completed checkpoint yet, and no savepoint can"
                    + " be taken without 'execution.checkpointing.savepoint-dir': set it (or wait for a checkpoint).");
        }
        try {
            return job.triggerSavepoint(java.nio.file.Path.of(dir)).get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new TableException("Taking a savepoint of job '" + jobId + "' failed: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
            throw new TableException("Taking a savepoint of job '" + jobId + "' did not finish in 60 s.", e);
        }
    }

    /** A checkpoint or savepoint directory, or a job's checkpoint directory (its newest checkpoint). */
    private static io.sluice.runtime.checkpoint.CheckpointStorage.Checkpoint readCheckpoint(String path) {
        java.nio.file.Path dir = java.nio.file.Path.of(path);
        if (!java.nio.file.Files.exists(dir.resolve("_metadata"))) {
            try {
                java.util.Optional<java.nio.file.Path> latest =
                        new io.sluice.runtime.checkpoint.CheckpointStorage(dir, 1).latest();
                if (latest.isPresent()) {
                    dir = latest.get();
                }
            } catch (java.io.IOException e) {
                throw new TableException("Cannot list checkpoints in '" + dir + "': " + e.getMessage(), e);
            }
        }
        return io.sluice.runtime.checkpoint.CheckpointStorage.read(dir);
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
            // A key one or two edits away from a Sluice option is a typo; any other key may be one of Flink's
            // many options (deployment, client, cluster): kept in the session like Flink does, without effect.
            List<String> nearest = NameSuggestions.nearest(s.key(), SessionOptions.keys(), 1);
            if (!nearest.isEmpty() && NameSuggestions.distance(s.key(), nearest.get(0)) <= 2) {
                throw new ValidationException("Unknown option '" + s.key() + "'."
                        + NameSuggestions.didYouMean(s.key(), SessionOptions.keys()));
            }
            config().setString(s.key(), s.value());
            return TableResultImpl.okWithWarning(config(), "Option '" + s.key() + "' is not used by Sluice; it is"
                    + " kept in the session without effect.");
        }
        try {
            option.parse(s.value());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(e.getMessage());
        }
        if (option == SessionOptions.SQL_DIALECT) {
            SessionOptions.checkDialect(s.value());
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
            case TABLES: {
                String[] db = showDatabase(s);
                return names("table name", ShowFilter.filter(s, c.listObjectsOrThrow(db[0], db[1])));
            }
            case VIEWS: {
                String[] db = showDatabase(s);
                c.listObjectsOrThrow(db[0], db[1]);
                return names("view name", ShowFilter.filter(s, c.listViews(db[0], db[1])));
            }
            case DATABASES: {
                String catalog = c.currentCatalog();
                if (s.target() != null) {
                    if (path(s.target()).size() != 1) {
                        throw new ValidationException("Show databases from/in identifier [ " + s.target()
                                + " ] format error, catalog must be a single part identifier.");
                    }
                    catalog = path(s.target()).get(0);
                }
                return names("database name", ShowFilter.filter(s, c.listDatabases(catalog)));
            }
            case CATALOGS:
                return names("catalog name", ShowFilter.filter(s, c.listCatalogs()));
            case CURRENT_CATALOG:
                return names("current catalog name", List.of(c.currentCatalog()));
            case CURRENT_DATABASE:
                return names("current database name", List.of(c.currentDatabase()));
            case FUNCTIONS: {
                TreeSet<String> fns = new TreeSet<>();
                if (modules.coreUsed()) {
                    io.sluice.codegen.functions.BuiltInFunctions.operatorTable().getOperatorList()
                            .forEach(op -> {
                                if (op.getName().matches("[A-Z_][A-Z0-9_]*")) {
                                    fns.add(op.getName());
                                }
                            });
                }
                fns.addAll(userFunctions(s));
                return names("function name", ShowFilter.filter(s, new ArrayList<>(fns)));
            }
            case USER_FUNCTIONS:
                return names("function name", ShowFilter.filter(s, userFunctions(s)));
            case JARS:
                return names("jars", env.listJars());
            case COLUMNS:
                return describe(s.target(), s.likePattern() == null ? null : s);
            case CREATE_TABLE:
            case CREATE_VIEW: {
                ObjectIdentifier id = c.qualify(path(s.target()));
                Object object = c.getObjectOrThrow(id);
                if (s.kind() == ShowStatement.Kind.CREATE_TABLE && object instanceof CatalogView) {
                    throw new ValidationException("SHOW CREATE TABLE is only supported for tables, but "
                            + id.asSerializableString()
                            + " is a view. Please use SHOW CREATE VIEW instead.");
                }
                if (s.kind() == ShowStatement.Kind.CREATE_TABLE && object instanceof CatalogTable t
                        && t.isMaterialized()) {
                    throw new ValidationException("SHOW CREATE TABLE is only supported for tables, but "
                            + id.asSerializableString()
                            + " is a materialized table. Please use SHOW CREATE MATERIALIZED TABLE instead.");
                }
                if (s.kind() == ShowStatement.Kind.CREATE_VIEW && object instanceof CatalogTable t
                        && t.isMaterialized()) {
                    throw new ValidationException("SHOW CREATE VIEW is only supported for views, but "
                            + id.asSerializableString()
                            + " is a materialized table. Please use SHOW CREATE MATERIALIZED TABLE instead.");
                }
                if (s.kind() == ShowStatement.Kind.CREATE_VIEW && object instanceof CatalogTable) {
                    throw new ValidationException("SHOW CREATE VIEW is only supported for views, but "
                            + id.asSerializableString()
                            + " is a table. Please use SHOW CREATE TABLE instead.");
                }
                return TableResultImpl.ofRows(ResolvedSchema.of(Column.physical("result", DataTypes.STRING())),
                        List.of(Row.of(ShowCreate.render(id, object, c.isTemporary(id)))), config());
            }
            case CREATE_MATERIALIZED_TABLE: {
                ObjectIdentifier id = c.qualify(path(s.target()));
                Object object = c.getObjectOrThrow(id);
                if (!(object instanceof CatalogTable t) || !t.isMaterialized()) {
                    String kind = object instanceof CatalogView ? "view" : "table";
                    throw new ValidationException("SHOW CREATE MATERIALIZED TABLE is only supported for materialized"
                            + " tables, but " + id.asSerializableString() + " is a " + kind + ". Please use SHOW CREATE "
                            + kind.toUpperCase(java.util.Locale.ROOT) + " instead.");
                }
                return TableResultImpl.ofRows(ResolvedSchema.of(Column.physical("result", DataTypes.STRING())),
                        List.of(Row.of(MaterializedTables.showCreate(id, t))), config());
            }
            case MATERIALIZED_TABLES: {
                String[] db = showDatabase(s);
                List<String> names = new ArrayList<>();
                for (String name : c.listObjectsOrThrow(db[0], db[1])) {
                    if (c.getObject(new ObjectIdentifier(db[0], db[1], name)).orElse(null) instanceof CatalogTable t
                            && t.isMaterialized()) {
                        names.add(name);
                    }
                }
                return names("materialized table name", ShowFilter.filter(s, names));
            }
            case CREATE_CATALOG: {
                String name = s.target().parts().get(0);
                return TableResultImpl.ofRows(ResolvedSchema.of(Column.physical("result", DataTypes.STRING())),
                        List.of(Row.of(ShowCreate.renderCatalog(name, c.catalogDescriptor(name)))), config());
            }
            case MODULES:
                return names("module name", modules.usedModules());
            case FULL_MODULES:
                return TableResultImpl.ofRows(ResolvedSchema.of(Column.physical("module name", DataTypes.STRING()),
                        Column.physical("used", DataTypes.BOOLEAN())), modules.allModules(), config());
            case PROCEDURES: {
                String[] db = showDatabase(s);
                c.listObjectsOrThrow(db[0], db[1]);
                List<String> procedures = ProcedureCalls.list(c, db[0], db[1]);
                java.util.Collections.sort(procedures);
                return names("procedure name", ShowFilter.filter(s, procedures));
            }
            default:
                throw new UnsupportedFeatureException("SHOW " + s.kind().sql());
        }
    }

    /** The user-defined functions seen from the database of SHOW [USER] FUNCTIONS [FROM|IN [catalog.]db]. */
    private List<String> userFunctions(ShowStatement s) {
        if (s.target() == null) {
            return env.functions().listUserFunctions();
        }
        String[] db = showDatabase(s);
        catalogs().listObjectsOrThrow(db[0], db[1]);
        return env.functions().listUserFunctions(db[0], db[1]);
    }

    /** The catalog and database of SHOW TABLES|VIEWS [FROM|IN [catalog.]db]. */
    private String[] showDatabase(ShowStatement s) {
        CatalogManager c = catalogs();
        if (s.target() == null) {
            return new String[] {c.currentCatalog(), c.currentDatabase()};
        }
        List<String> parts = path(s.target());
        if (parts.size() > 2) {
            throw new ValidationException("SHOW " + s.kind().sql() + " FROM takes [catalog.]database, not "
                    + s.target() + ".");
        }
        String catalog = parts.size() == 2 ? parts.get(0) : c.currentCatalog();
        if (!c.hasCatalog(catalog)) {
            c.listDatabases(catalog); // throws with the nearest names
        }
        return new String[] {catalog, parts.get(parts.size() - 1)};
    }

    private TableResult names(String column, List<String> values) {
        List<Row> rows = new ArrayList<>();
        values.forEach(v -> rows.add(Row.of(v)));
        return TableResultImpl.ofRows(ResolvedSchema.of(Column.physical(column, DataTypes.STRING())), rows, config());
    }

    @Override
    public TableResult visit(DescribeStatement s) {
        switch (s.kind()) {
            case CATALOG:
                return describeCatalog(s.name().parts().get(0), s.isExtended());
            case FUNCTION:
                return describeFunction(s.name(), s.isExtended());
            default:
                return describe(s.name());
        }
    }

    /** DESCRIBE CATALOG [EXTENDED]: name, type and comment; EXTENDED adds the other options. */
    private TableResult describeCatalog(String name, boolean extended) {
        CatalogDescriptor d = catalogs().catalogDescriptor(name);
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of("name", name));
        rows.add(Row.of("type", d.type()));
        rows.add(Row.of("comment", d.comment() == null ? "" : d.comment()));
        if (extended) {
            d.options().forEach((k, v) -> {
                if (!k.equals(CatalogFactory.TYPE)) {
                    rows.add(Row.of("option:" + k, v));
                }
            });
        }
        return infoRows(rows);
    }

    /** DESCRIBE FUNCTION [EXTENDED]: whether it is a system and a temporary function, what implements it. */
    private TableResult describeFunction(ObjectName name, boolean extended) {
        List<String> parts = path(name);
        io.sluice.planner.functions.FunctionCatalog.Described user = env.functions().describe(parts);
        List<Row> rows = new ArrayList<>();
        if (user != null) {
            rows.add(Row.of("system function", String.valueOf(user.system())));
            rows.add(Row.of("temporary", String.valueOf(user.temporary())));
            rows.add(Row.of("class name", user.function().functionClass().getName()));
            rows.add(Row.of("function language", user.definition() == null || user.definition().language() == null
                    ? "JAVA" : user.definition().language().toUpperCase(java.util.Locale.ROOT)));
            rows.add(Row.of("resource uris", user.definition() == null ? "[]"
                    : String.valueOf(user.definition().jars())));
            if (extended) {
                rows.add(Row.of("kind", user.function().kind().name()));
            }
            return infoRows(rows);
        }
        String builtIn = parts.size() == 1 && modules.coreUsed() ? builtInFunctionName(parts.get(0)) : null;
        if (builtIn == null) {
            throw new ValidationException("Function " + name + " does not exist.");
        }
        rows.add(Row.of("system function", "true"));
        rows.add(Row.of("temporary", "false"));
        if (extended) {
            org.apache.calcite.sql.SqlOperator op = builtInOperator(builtIn);
            rows.add(Row.of("kind", op.isAggregator() ? "AGGREGATE" : "SCALAR"));
            rows.add(Row.of("deterministic", String.valueOf(op.isDeterministic())));
        }
        return infoRows(rows);
    }

    private static String builtInFunctionName(String name) {
        org.apache.calcite.sql.SqlOperator op = builtInOperator(name);
        return op == null ? null : op.getName();
    }

    private static org.apache.calcite.sql.SqlOperator builtInOperator(String name) {
        for (org.apache.calcite.sql.SqlOperator op
                : io.sluice.codegen.functions.BuiltInFunctions.operatorTable().getOperatorList()) {
            if (op.getName().equalsIgnoreCase(name) && op.getName().matches("[A-Z_][A-Z0-9_]*")) {
                return op;
            }
        }
        return null;
    }

    private TableResult infoRows(List<Row> rows) {
        return TableResultImpl.ofRows(ResolvedSchema.of(Column.physical("info name", DataTypes.STRING()),
                Column.physical("info value", DataTypes.STRING())), rows, config());
    }

    private TableResult describe(ObjectName name) {
        return describe(name, null);
    }

    /**
     * For each column of view {@code id}, " *ROWTIME*" or " *PROCTIME*" when the view passes a time attribute of
     * its tables through (as Flink's DESCRIBE shows it), else "". A view whose query no longer plans (a table it
     * reads was dropped) shows no markers rather than failing the DESCRIBE.
     */
    private String[] timeAttributeMarkers(ObjectIdentifier id, int columns) {
        String[] markers = new String[columns];
        java.util.Arrays.fill(markers, "");
        io.sluice.planner.SluicePlanner.PlannedQuery plan;
        try {
            plan = env.planner().plan("SELECT * FROM `" + id.catalog().replace("`", "``") + "`.`"
                    + id.database().replace("`", "``") + "`.`" + id.object().replace("`", "``") + "`");
        } catch (RuntimeException | AssertionError e) {
            return markers;
        }
        for (int i = 0; i < columns && i < plan.rowType.size(); i++) {
            if (io.sluice.planner.translate.TimeAttributes.isRowtime(plan.optimized, i)) {
                markers[i] = " *ROWTIME*";
            } else if (io.sluice.planner.translate.TimeAttributes.isProctime(plan.optimized, i)) {
                markers[i] = " *PROCTIME*";
            }
        }
        return markers;
    }

    /**
     * DESCRIBE / SHOW COLUMNS: one row per column, optionally only the names matching a LIKE filter, in Flink's
     * layout: empty cells rather than NULLs, expressions in their canonical text, and a {@code comment} column
     * only when some column has a comment.
     */
    private TableResult describe(ObjectName name, ShowStatement like) {
        ObjectIdentifier id = catalogs().qualify(path(name));
        Object o = catalogs().getObject(id).orElseThrow(() -> new ValidationException(
                "Tables or views with the identifier '" + id + "' doesn't exist."
                        + io.sluice.runtime.util.NameSuggestions.didYouMean(id.object(),
                                catalogs().listObjects(id.catalog(), id.database()))));
        List<Object[]> rows = new ArrayList<>();
        boolean anyComment = false;
        if (o instanceof CatalogTable) {
            CatalogTable t = (CatalogTable) o;
            for (CatalogColumn col : t.columns()) {
                if (like != null && !ShowFilter.matches(like, col.name())) {
                    continue;
                }
                LogicalType type = col.type();
                boolean rowtime = col.name().equals(t.watermarkColumn());
                String expression = col.isComputed()
                        ? io.sluice.planner.ExpressionText.canonical(col.expression()) : null;
                boolean proctime = expression != null && expression.equalsIgnoreCase("PROCTIME()");
                String key = t.primaryKey().contains(col.name()) ? "PRI(" + String.join(", ", t.primaryKey()) + ")" : "";
                String extras = expression != null ? "AS " + expression : col.extras() == null ? "" : col.extras();
                String watermark = rowtime ? io.sluice.planner.ExpressionText.canonical(t.watermarkExpression()) : "";
                anyComment |= col.comment() != null;
                rows.add(new Object[] {col.name(), type.typeName() + (rowtime ? " *ROWTIME*" : "")
                        + (proctime ? " *PROCTIME*" : ""), type.isNullable(), key, extras, watermark,
                        col.comment() == null ? "" : col.comment()});
            }
        } else {
            RowType type = ((CatalogView) o).rowType();
            String[] markers = timeAttributeMarkers(id, type.size());
            for (int i = 0; i < type.size(); i++) {
                if (like != null && !ShowFilter.matches(like, type.name(i))) {
                    continue;
                }
                rows.add(new Object[] {type.name(i), type.type(i).typeName() + markers[i],
                        type.type(i).isNullable(), "", "", "", ""});
            }
        }
        List<Column> columns = new ArrayList<>(List.of(
                Column.physical("name", DataTypes.STRING()), Column.physical("type", DataTypes.STRING()),
                Column.physical("null", DataTypes.BOOLEAN()), Column.physical("key", DataTypes.STRING()),
                Column.physical("extras", DataTypes.STRING()), Column.physical("watermark", DataTypes.STRING())));
        if (anyComment) {
            columns.add(Column.physical("comment", DataTypes.STRING()));
        }
        List<Row> result = new ArrayList<>();
        for (Object[] r : rows) {
            result.add(Row.of(anyComment ? r : java.util.Arrays.copyOf(r, 6)));
        }
        return TableResultImpl.ofRows(ResolvedSchema.of(columns.toArray(new Column[0])), result, config());
    }

    @Override
    public TableResult visit(AddJarStatement s) {
        env.addJar(s.path());
        return TableResultImpl.ok(config());
    }

    @Override
    public TableResult visit(RemoveJarStatement s) {
        env.removeJar(s.path());
        return TableResultImpl.ok(config());
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
