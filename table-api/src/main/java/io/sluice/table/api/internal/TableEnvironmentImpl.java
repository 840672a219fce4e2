package io.sluice.table.api.internal;

import io.sluice.codegen.CodeGenerator;
import io.sluice.codegen.RelTypes;
import io.sluice.codegen.functions.BuiltInFunctions;
import io.sluice.planner.PlanPrinter;
import io.sluice.planner.SluicePlanner;
import io.sluice.planner.catalog.CatalogManager;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.catalog.CatalogView;
import io.sluice.planner.catalog.ObjectIdentifier;
import io.sluice.planner.translate.JobGraphGenerator;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.DynamicTableSinkFactory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.execution.JobExecution;
import io.sluice.runtime.execution.LocalExecutor;
import io.sluice.runtime.graph.JobGraph;
import io.sluice.runtime.graph.SinkTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.values.ValuesSource;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.Column;
import io.sluice.table.api.DataTypes;
import io.sluice.table.api.EnvironmentSettings;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableConfig;
import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.ValidationException;
import io.sluice.types.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;

/** Wires the statement parser, the planner and the runtime behind {@link TableEnvironment}. */
public final class TableEnvironmentImpl implements TableEnvironment {
    static {
        io.sluice.planner.CalciteDefaults.install();
    }

    private static final AtomicInteger ANONYMOUS_TABLES = new AtomicInteger();

    private final Configuration configuration;
    private final TableConfig tableConfig;
    private final CatalogManager catalogs;
    private final SluicePlanner planner;
    /** ADD JAR / REMOVE JAR; its class loader is the session's class loader. */
    private final io.sluice.planner.functions.SessionJars jars =
            new io.sluice.planner.functions.SessionJars(TableEnvironmentImpl.class.getClassLoader());
    private final StatementExecutor statements;
    /** While {@link #executeSql(String, java.util.function.Function)} runs: where a query's batches go, else null. */
    private java.util.function.Function<io.sluice.runtime.connector.WriterContext,
            io.sluice.runtime.connector.SinkWriter> queryResultWriter;

    public TableEnvironmentImpl(EnvironmentSettings settings) {
        this(settings, new CatalogManager());
    }

    private TableEnvironmentImpl(EnvironmentSettings settings, CatalogManager catalogs) {
        this.catalogs = catalogs;
        this.configuration = settings.getConfiguration();
        this.tableConfig = new TableConfig(configuration);
        this.planner = new SluicePlanner(catalogs, configuration, BuiltInFunctions.operatorTable());
        this.planner.functions().useClassLoader(jars.classLoader());
        this.statements = new StatementExecutor(this);
    }

    /**
     * A new session (its own options, temporary objects, functions and current catalog/database) that shares this
     * environment's catalogs: what one session creates in a catalog the other sees. For servers that give each
     * client its own session; calls on sharing environments from several threads must be serialized by the caller.
     */
    public TableEnvironmentImpl newSessionSharingCatalogs(EnvironmentSettings settings) {
        return new TableEnvironmentImpl(settings, catalogs.newSessionSharingCatalogs());
    }

    Configuration configuration() {
        return configuration;
    }

    CatalogManager catalogs() {
        return catalogs;
    }

    SluicePlanner planner() {
        return planner;
    }

    /** Every option key {@code SET} accepts, in a stable order (for tools such as the shell's completion). */
    public static List<String> knownOptionKeys() {
        return SessionOptions.keys();
    }

    /** The session class loader: the engine's, plus the jars of ADD JAR (a new loader after each change). */
    ClassLoader classLoader() {
        return jars.classLoader();
    }

    /** Adds a jar to the session class path ({@code ADD JAR}). */
    void addJar(String path) {
        jars.add(path);
        functions().useClassLoader(jars.classLoader());
    }

    /** Removes a jar added with {@link #addJar} ({@code REMOVE JAR}). */
    void removeJar(String path) {
        jars.remove(path);
        functions().useClassLoader(jars.classLoader());
    }

    /** The jars added with {@code ADD JAR}, in order. */
    List<String> listJars() {
        return jars.list();
    }

    @Override
    public TableResult executeSql(String statement) {
        return statements.execute(statement);
    }

    /**
     * Runs one statement like {@link #executeSql(String)}, but a query's result batches go to the writer that
     * {@code resultWriter} creates (on the job's thread, as the engine's Arrow batches) instead of being collected as
     * rows. The writer must not keep a batch after {@code write} returns (copy what it needs into its own allocator).
     * The returned result then carries the schema and the job; iterating its {@code collect()} yields no rows and
     * ends when the job ends. Other statements run as usual.
     */
    public TableResult executeSql(String statement,
            java.util.function.Function<io.sluice.runtime.connector.WriterContext,
                    io.sluice.runtime.connector.SinkWriter> resultWriter) {
        java.util.function.Function<io.sluice.runtime.connector.WriterContext,
                io.sluice.runtime.connector.SinkWriter> previous = queryResultWriter;
        queryResultWriter = resultWriter;
        try {
            return statements.execute(statement);
        } finally {
            queryResultWriter = previous;
        }
    }

    /**
     * The types of the dynamic parameters ({@code ?}) of a query, in order, inferred from where they stand (for
     * servers that prepare statements with parameters, such as Flight SQL); fails when a parameter's type cannot be
     * inferred.
     */
    public List<io.sluice.runtime.types.LogicalType> queryParameterTypes(String query) {
        return planner.parameterTypes(query);
    }

    @Override
    public Table sqlQuery(String query) {
        return TableImpl.ofQuery(this, query);
    }

    @Override
    public Table from(String path) {
        ObjectIdentifier id = catalogs.qualify(splitPath(path));
        catalogs.getObjectOrThrow(id);
        return TableImpl.ofName(this, quoted(id));
    }

    private static String quoted(ObjectIdentifier id) {
        return ExprRenderer.quote(id.catalog()) + "." + ExprRenderer.quote(id.database()) + "."
                + ExprRenderer.quote(id.object());
    }

    /** The fully qualified name of a table path. */
    String qualifiedName(String path) {
        return catalogs.qualify(splitPath(path)).toString();
    }

    @Override
    public Table fromValues(DataTypes.RowDataType rowType, Object... values) {
        for (Object v : values) {
            if (v instanceof io.sluice.table.api.ApiExpression) {
                return ValuesQuery.table(this, rowType, java.util.Arrays.asList(values));
            }
        }
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (DataTypes.Field f : rowType.getFields()) {
            names.add(f.getName());
            types.add(f.getDataType().getLogicalType());
        }
        RowType type = new RowType(names, types);
        List<Object[]> rows = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof Row) {
                Row r = (Row) v;
                if (r.getArity() != type.size()) {
                    throw new ValidationException("Row " + r + " has " + r.getArity() + " fields but the schema has "
                            + type.size());
                }
                Object[] fields = new Object[r.getArity()];
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = r.getField(i);
                }
                rows.add(fields);
            } else {
                rows.add(new Object[] {v});
            }
        }
        String name = "__values_" + ANONYMOUS_TABLES.incrementAndGet();
        ObjectIdentifier id = catalogs.qualify(List.of(name));
        catalogs.createObject(id, CatalogTable.ofSource(type, new ValuesSource(type, rows)), false, true);
        return TableImpl.ofName(this, quoted(id));
    }

    @Override
    public Table fromValues(DataTypes.RowDataType rowType, Iterable<?> values) {
        List<Object> list = new ArrayList<>();
        values.forEach(list::add);
        return fromValues(rowType, list.toArray());
    }

    @Override
    public Table fromValues(Object... values) {
        return ValuesQuery.table(this, null, java.util.Arrays.asList(values));
    }

    @Override
    public Table fromValues(Iterable<?> values) {
        List<Object> list = new ArrayList<>();
        values.forEach(list::add);
        return ValuesQuery.table(this, null, list);
    }

    @Override
    public Table from(io.sluice.table.api.TableDescriptor descriptor) {
        return from(createAnonymousTable(descriptor));
    }

    /** Creates a temporary table for a descriptor under a generated name and returns the name. */
    String createAnonymousTable(io.sluice.table.api.TableDescriptor descriptor) {
        String name = "__descriptor_" + ANONYMOUS_TABLES.incrementAndGet();
        createTemporaryTable(name, descriptor);
        return name;
    }

    @Override
    public void createTemporaryTable(String path, io.sluice.table.api.TableDescriptor descriptor) {
        executeSql(descriptor.toCreateTableStatement(quoted(catalogs.qualify(splitPath(path))), true, false));
    }

    @Override
    public void createTemporaryTable(String path, io.sluice.table.api.TableDescriptor descriptor,
            boolean ignoreIfExists) {
        executeSql(descriptor.toCreateTableStatement(quoted(catalogs.qualify(splitPath(path))), true, ignoreIfExists));
    }

    @Override
    public void createTable(String path, io.sluice.table.api.TableDescriptor descriptor) {
        executeSql(descriptor.toCreateTableStatement(quoted(catalogs.qualify(splitPath(path))), false, false));
    }

    @Override
    public boolean createTable(String path, io.sluice.table.api.TableDescriptor descriptor, boolean ignoreIfExists) {
        ObjectIdentifier id = catalogs.qualify(splitPath(path));
        boolean exists = listTables(id).contains(id.object());
        if (exists && ignoreIfExists) {
            return false;
        }
        executeSql(descriptor.toCreateTableStatement(quoted(id), false, false));
        return true;
    }

    private List<String> listTables(ObjectIdentifier id) {
        return catalogs.listObjects(id.catalog(), id.database());
    }

    @Override
    public void createView(String path, Table view) {
        createView(catalogs.qualify(splitPath(path)), ((TableImpl) view).query(), List.of(), null, false, false);
    }

    @Override
    public boolean dropTemporaryView(String path) {
        ObjectIdentifier id = catalogs.qualify(splitPath(path));
        if (!listTables(id).contains(id.object())) {
            return false;
        }
        executeSql("DROP TEMPORARY VIEW " + quoted(id));
        return true;
    }

    @Override
    public boolean dropTemporaryTable(String path) {
        ObjectIdentifier id = catalogs.qualify(splitPath(path));
        if (!listTables(id).contains(id.object())) {
            return false;
        }
        executeSql("DROP TEMPORARY TABLE " + quoted(id));
        return true;
    }

    private final AtomicInteger aliases = new AtomicInteger();
    private final java.util.Map<Object, String> inlineFunctions = new java.util.IdentityHashMap<>();

    /** {@code prefix} followed by a number not used before in this environment. */
    String uniqueName(String prefix) {
        return prefix + (aliases.incrementAndGet() - 1);
    }

    /** A fresh (quoted) alias for a sub-query or a lateral table in generated SQL. */
    String freshAlias() {
        return "`$t" + aliases.incrementAndGet() + "`";
    }

    /**
     * The name under which a function passed to {@code call(MyFunction.class | instance, ...)} is registered as a
     * temporary system function (registered on first use).
     */
    synchronized String inlineFunction(Object classOrInstance) {
        Object key = classOrInstance;
        String existing = inlineFunctions.get(key);
        if (existing != null) {
            return existing;
        }
        String name;
        if (classOrInstance instanceof Class) {
            @SuppressWarnings("unchecked")
            Class<? extends io.sluice.table.functions.UserDefinedFunction> c =
                    (Class<? extends io.sluice.table.functions.UserDefinedFunction>) classOrInstance;
            name = "$inline$" + c.getSimpleName() + "$" + ANONYMOUS_TABLES.incrementAndGet();
            functions().createTemporarySystemFunction(name, io.sluice.codegen.udf.UserFunction.of(name, c), false);
        } else {
            io.sluice.table.functions.UserDefinedFunction f =
                    (io.sluice.table.functions.UserDefinedFunction) classOrInstance;
            name = "$inline$" + f.getClass().getSimpleName() + "$" + ANONYMOUS_TABLES.incrementAndGet();
            functions().createTemporarySystemFunction(name, io.sluice.codegen.udf.UserFunction.of(name, f), false);
        }
        inlineFunctions.put(key, name);
        return name;
    }

    @Override
    public void createTemporaryView(String path, Table table) {
        String query = ((TableImpl) table).query();
        createView(catalogs.qualify(splitPath(path)), query, List.of(), null, false, true);
    }

    void createView(ObjectIdentifier id, String query, List<String> columnNames, String comment,
            boolean ignoreIfExists, boolean temporary) {
        RowType rowType = RelTypes.toRowType(planner.validatedRowType(query));
        if (!columnNames.isEmpty()) {
            if (columnNames.size() != rowType.size()) {
                throw new ValidationException("View " + id + " names " + columnNames.size() + " columns but its query has "
                        + rowType.size());
            }
            rowType = new RowType(columnNames, rowType.types());
        }
        catalogs.createObject(id, new CatalogView(query, expandedQuery(query), columnNames, comment, rowType),
                ignoreIfExists, temporary);
    }

    /**
     * A view query with its names qualified and {@code *} expanded (for SHOW CREATE VIEW), or null when the
     * validator's form of it would not read back as the same query (it then shows as written).
     */
    String expandedQuery(String query) {
        try {
            return planner.expandedQuery(query);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public List<String> listTables() {
        return catalogs.listObjects(catalogs.currentCatalog(), catalogs.currentDatabase());
    }

    @Override
    public String explainSql(String statement) {
        return statements.explain(statement);
    }

    @Override
    public io.sluice.table.api.StatementSet createStatementSet() {
        return new StatementSetImpl(this, statements);
    }

    @Override
    public TableConfig getConfig() {
        return tableConfig;
    }

    static List<String> splitPath(String path) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '`') {
                if (quoted && i + 1 < path.length() && path.charAt(i + 1) == '`') {
                    cur.append('`');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    // ------------------------------------------------------------------ queries and inserts

    /** A planned query: its plans and the transformation producing its rows. */
    static final class CompiledQuery {
        final SluicePlanner.PlannedQuery plan;
        final Transformation root;

        CompiledQuery(SluicePlanner.PlannedQuery plan, Transformation root) {
            this.plan = plan;
            this.root = root;
        }

        String explain() {
            return explain(false);
        }

        String explain(boolean changelogMode) {
            return PlanPrinter.explain(plan.logical, plan.optimized, root, changelogMode);
        }
    }

    CompiledQuery compileQuery(String sql) {
        SluicePlanner.PlannedQuery plan = planner.plan(sql);
        Transformation root = new JobGraphGenerator(new CodeGenerator(configuration), configuration, classLoader())
                .translate(plan.optimized);
        return new CompiledQuery(plan, root);
    }

    /**
     * Gives each computed column of a CREATE TABLE the type of its expression over the physical columns;
     * an invalid expression fails with the expression's position in the script.
     */
    List<io.sluice.planner.catalog.CatalogColumn> typeComputedColumns(
            io.sluice.sql.parser.ast.CreateTableStatement s, List<io.sluice.planner.catalog.CatalogColumn> columns) {
        java.util.Map<String, io.sluice.sql.parser.ast.SqlFragment> fragments = new java.util.HashMap<>();
        for (io.sluice.sql.parser.ast.ColumnDefinition d : s.columns()) {
            if (d.expression() != null) {
                fragments.put(d.name(), d.expression());
            }
        }
        return typeComputedColumns(fragments, columns);
    }

    /**
     * Gives each computed column the type of its expression over the physical and metadata columns. An error in a column
     * with a fragment (its text in the statement) points at it; a column without one (kept from an existing
     * table by ALTER TABLE or LIKE) fails with "Invalid expression for computed column".
     */
    List<io.sluice.planner.catalog.CatalogColumn> typeComputedColumns(
            java.util.Map<String, io.sluice.sql.parser.ast.SqlFragment> fragments,
            List<io.sluice.planner.catalog.CatalogColumn> columns) {
        List<io.sluice.planner.catalog.CatalogColumn> typed = new ArrayList<>();
        RowType physical = sourceRowType(columns);
        org.apache.calcite.rel.type.RelDataType physicalType = toRelType(physical);
        for (io.sluice.planner.catalog.CatalogColumn c : columns) {
            if (!c.isComputed()) {
                typed.add(c);
                continue;
            }
            io.sluice.sql.parser.ast.SqlFragment fragment = fragments.get(c.name());
            java.util.function.Supplier<org.apache.calcite.rex.RexNode> convert =
                    () -> planner.convertExpressions(null, physicalType, List.of(c.expression())).get(0);
            org.apache.calcite.rex.RexNode e = fragment != null ? inExpression(fragment, convert)
                    : withoutPosition("Invalid expression for computed column '" + c.name() + "'", convert);
            typed.add(io.sluice.planner.catalog.CatalogColumn.computed(c.name(),
                    io.sluice.codegen.RelTypes.toLogicalType(e.getType()), c.expression(), c.comment()));
        }
        return typed;
    }

    /** Checks a WATERMARK clause: the rowtime column is a TIMESTAMP(p <= 3) or TIMESTAMP_LTZ and so is the expression. */
    void validateWatermark(io.sluice.sql.parser.ast.CreateTableStatement s,
            List<io.sluice.planner.catalog.CatalogColumn> columns, String rowtime, String expression) {
        validateWatermark(s.watermark().position(), s.watermark().expression(), columns, rowtime, expression);
    }

    /**
     * Checks a watermark; {@code position} and {@code fragment} (where the clause and its expression are
     * written) are null for a watermark kept from an existing table.
     */
    void validateWatermark(io.sluice.sql.parser.ast.SqlPosition position,
            io.sluice.sql.parser.ast.SqlFragment fragment, List<io.sluice.planner.catalog.CatalogColumn> columns,
            String rowtime, String expression) {
        io.sluice.planner.catalog.CatalogColumn column = columns.stream().filter(c -> c.name().equals(rowtime))
                .findFirst().orElseThrow();
        if (!isTimeAttributeType(column.type())) {
            ValidationException e = new ValidationException("Invalid data type of time field for watermark"
                    + " definition. The field '" + rowtime + "' must be of type TIMESTAMP(p) or TIMESTAMP_LTZ(p), the"
                    + " supported precision 'p' is from 0 to 3, but the time field type is " + column.type() + ".");
            if (position != null) {
                e.atPosition(position.line(), position.column());
            }
            throw e;
        }
        if (io.sluice.planner.rel.WatermarkAssigner.isSourceWatermark(expression)) {
            return; // the source's own watermarks; the planner checks that the source emits them
        }
        List<String> names = new ArrayList<>();
        List<io.sluice.runtime.types.LogicalType> types = new ArrayList<>();
        columns.forEach(c -> {
            names.add(c.name());
            types.add(c.type());
        });
        java.util.function.Supplier<org.apache.calcite.rex.RexNode> convert = () -> planner.convertExpressions(
                null, toRelType(new RowType(names, types)), List.of(expression)).get(0);
        org.apache.calcite.rex.RexNode e = fragment != null ? inExpression(fragment, convert)
                : withoutPosition("Invalid expression for watermark '" + expression + "'", convert);
        io.sluice.runtime.types.LogicalType t = io.sluice.codegen.RelTypes.toLogicalType(e.getType());
        if (!isTimeAttributeType(t)) {
            ValidationException x = new ValidationException("Watermark strategy " + expression + " must be of type"
                    + " TIMESTAMP(p) or TIMESTAMP_LTZ(p), where p is from 0 to 3, but is " + t + ".");
            if (fragment != null) {
                x.atPosition(fragment.line(), fragment.column());
            }
            throw x;
        }
    }

    /** Runs a conversion of an expression that is not written in the statement; an error names the expression. */
    private static <T> T withoutPosition(String what, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (io.sluice.table.api.TableException e) {
            throw new ValidationException(what + ": " + e.getMessage(), e);
        }
    }

    private static boolean isTimeAttributeType(io.sluice.runtime.types.LogicalType t) {
        return (t.root() == io.sluice.runtime.types.TypeRoot.TIMESTAMP
                || t.root() == io.sluice.runtime.types.TypeRoot.TIMESTAMP_LTZ) && t.precision() <= 3;
    }

    /**
     * Runs a conversion of one expression (wrapped by the planner as {@code SELECT <expr>, 0 FROM ...}) and moves
     * an error's position onto the expression's place in the script.
     */
    private static <T> T inExpression(io.sluice.sql.parser.ast.SqlFragment fragment, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (io.sluice.table.api.TableException e) {
            if (e.hasPosition()) {
                int column = e.line() == 1 ? fragment.column() + e.column() - 1 - "SELECT ".length() : e.column();
                e.atPosition(fragment.line() + e.line() - 1, Math.max(column, fragment.column()));
            } else {
                e.atPosition(fragment.line(), fragment.column());
            }
            throw e;
        }
    }

    /** The physical columns followed by the metadata columns: what a scan of the table produces. */
    private static RowType sourceRowType(List<io.sluice.planner.catalog.CatalogColumn> columns) {
        List<String> names = new ArrayList<>();
        List<io.sluice.runtime.types.LogicalType> types = new ArrayList<>();
        for (io.sluice.planner.catalog.CatalogColumn c : columns) {
            if (c.isPhysical()) {
                names.add(c.name());
                types.add(c.type());
            }
        }
        for (io.sluice.planner.catalog.CatalogColumn c : columns) {
            if (c.isMetadata()) {
                names.add(c.name());
                types.add(c.type());
            }
        }
        return new RowType(names, types);
    }

    private org.apache.calcite.rel.type.RelDataType toRelType(RowType t) {
        org.apache.calcite.rel.type.RelDataTypeFactory.Builder b = planner.typeFactory().builder();
        for (int i = 0; i < t.size(); i++) {
            b.add(t.name(i), io.sluice.codegen.RelTypes.toRelDataType(t.type(i), planner.typeFactory()));
        }
        return b.build();
    }

    /**
     * Runs a query a statement needs for itself (such as CALL's arguments): its rows are always collected, never
     * sent to the writer of {@link #executeSql(String, java.util.function.Function)}.
     */
    TableResult executeInternalQuery(String sql) {
        java.util.function.Function<io.sluice.runtime.connector.WriterContext,
                io.sluice.runtime.connector.SinkWriter> pending = queryResultWriter;
        queryResultWriter = null;
        try {
            return executeQuery(sql);
        } finally {
            queryResultWriter = pending;
        }
    }

    /** Runs a query and returns its rows as they are produced. */
    TableResult executeQuery(String sql) {
        CompiledQuery q = compileQuery(sql);
        java.util.function.Function<io.sluice.runtime.connector.WriterContext,
                io.sluice.runtime.connector.SinkWriter> batches = queryResultWriter;
        queryResultWriter = null; // only the statement's own query, not queries it runs internally
        // with the batches going elsewhere, the queue only ever receives the end marker
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(batches == null ? 8192 : 1);
        SinkTransformation sink = new SinkTransformation("CollectSink", q.root,
                batches != null ? batches : ctx -> new CollectSinkWriter(queue));
        sink.withInputPartitioning(0, io.sluice.runtime.graph.InputPartitioning.single());
        Configuration jobConfig = configuration.copy();
        JobExecution job = LocalExecutor.submit(new JobGraph("collect",
                BadRecordsRouting.attach(LateRowsRouting.attach(List.of(sink), this), this)),
                jobConfig);
        return TableResultImpl.ofJob(ResolvedSchema.fromRowType(q.plan.rowType), job,
                new CollectResultIterator(queue, job), jobConfig);
    }

    /** The sink side of an INSERT: the target table, its sink, and the query cast to its columns. */
    static final class CompiledInsert {
        final ObjectIdentifier target;
        final CompiledQuery query;
        final SinkTransformation sink;

        CompiledInsert(ObjectIdentifier target, CompiledQuery query, SinkTransformation sink) {
            this.target = target;
            this.query = query;
            this.sink = sink;
        }
    }

    CompiledInsert compileInsert(List<String> targetPath, List<String> columns, String querySql) {
        return compileInsert(targetPath, columns, querySql, false);
    }

    CompiledInsert compileInsert(List<String> targetPath, List<String> columns, String querySql, boolean overwrite) {
        return compileInsert(targetPath, Map.of(), columns, querySql, overwrite);
    }

    /**
     * Plans {@code INSERT INTO|OVERWRITE target [PARTITION (k = 'v', ...)] [(columns)] query}; {@code overwrite}
     * needs a sink that implements {@link io.sluice.runtime.connector.SupportsOverwrite} (the caller rejects it in
     * streaming mode). Static partition values fill their columns as constants (cast to the column types), the
     * query supplies the other columns, and a sink implementing
     * {@link io.sluice.runtime.connector.SupportsPartitioning} is told the static partition.
     */
    CompiledInsert compileInsert(List<String> targetPath, Map<String, String> staticPartitions, List<String> columns,
            String querySql, boolean overwrite) {
        return compileInsert(targetPath, staticPartitions, columns, querySql, overwrite, Map.of());
    }

    /**
     * As {@link #compileInsert(List, Map, List, String, boolean)}, the target's options overridden and extended by
     * {@code hintOptions} (an {@code OPTIONS} hint on the target: Flink's dynamic table options).
     */
    CompiledInsert compileInsert(List<String> targetPath, Map<String, String> staticPartitions, List<String> columns,
            String querySql, boolean overwrite, Map<String, String> hintOptions) {
        ObjectIdentifier id = catalogs.qualify(targetPath);
        Object o = catalogs.getObjectOrThrow(id);
        if (!(o instanceof CatalogTable)) {
            if (!hintOptions.isEmpty()) {
                throw new ValidationException("View '" + id.asSerializableString() + "' cannot be enriched with new"
                        + " options. Hints can only be applied to tables.");
            }
            throw new ValidationException("Cannot INSERT INTO view " + id + ".");
        }
        CatalogTable table = (CatalogTable) o;
        if (!hintOptions.isEmpty()) {
            if (!configuration.get(io.sluice.runtime.config.ExecutionOptions.DYNAMIC_TABLE_OPTIONS_ENABLED)) {
                throw new ValidationException("OPTIONS hint is allowed only when "
                        + io.sluice.runtime.config.ExecutionOptions.DYNAMIC_TABLE_OPTIONS_ENABLED.key()
                        + " is set to true (table " + id + ").");
            }
            Map<String, String> merged = new java.util.LinkedHashMap<>(table.options());
            merged.putAll(hintOptions);
            table = table.withOptions(merged);
        }
        // the physical columns, then the persisted metadata columns a SupportsWritingMetadata sink writes
        RowType sinkType = table.sinkRowType();
        StaticPartitions.check(table, id, staticPartitions, columns);
        SluicePlanner.PlannedQuery plan = planner.plan(querySql);
        RelNode rel = alignToSink(plan.optimized, sinkType, table.persistedColumnNames(), columns, staticPartitions,
                id);
        SluicePlanner.PlannedQuery aligned = new SluicePlanner.PlannedQuery(plan.logical, rel, sinkType);
        JobGraphGenerator generator = new JobGraphGenerator(new CodeGenerator(configuration), configuration,
                classLoader());
        Transformation root = generator.translate(rel);
        String connector = table.options().get(FactoryUtil.CONNECTOR.key());
        if (connector == null) {
            throw new ValidationException("Table " + id + " has no 'connector' option and cannot be written to.");
        }
        DynamicTableSinkFactory factory = FactoryUtil.discover(DynamicTableSinkFactory.class, connector, classLoader());
        FactoryUtil.validateOptions(id.toString(), factory, table.options(), classLoader());
        DynamicTableSink sink = factory.createDynamicTableSink(new TableContext(id.toString(),
                table.physicalRowType(), io.sluice.runtime.connector.BadRecords.withoutTableOption(table.options()),
                configuration, table.partitionKeys(), table.primaryKey()));
        SinkMetadata.apply(sink, table, id.toString());
        if (!staticPartitions.isEmpty() && sink instanceof io.sluice.runtime.connector.SupportsPartitioning) {
            ((io.sluice.runtime.connector.SupportsPartitioning) sink).applyStaticPartition(staticPartitions);
        }
        if (overwrite) {
            if (!(sink instanceof io.sluice.runtime.connector.SupportsOverwrite)) {
                throw new ValidationException("INSERT OVERWRITE requires that the underlying DynamicTableSink of table '"
                        + id + "' implements the SupportsOverwrite interface (connector '" + connector
                        + "' cannot replace existing rows).");
            }
            ((io.sluice.runtime.connector.SupportsOverwrite) sink).applyOverwrite(true);
        }
        ChangelogMode produced = root.changelogMode();
        ChangelogMode accepted = sink.getChangelogMode(produced);
        if (!accepted.contains(io.sluice.types.RowKind.INSERT)) {
            throw new ValidationException("Sink " + id + " does not accept inserts.");
        }
        if (produced.hasUpdates() && accepted.isInsertOnly()) {
            throw new ValidationException("Table sink '" + id + "' doesn't support consuming update changes which is"
                    + " produced by node " + root.updateProducer().name());
        }
        if (produced.contains(io.sluice.types.RowKind.UPDATE_BEFORE)
                && !accepted.contains(io.sluice.types.RowKind.UPDATE_BEFORE)) {
            // an upsert sink: the producer of the updates leaves out the -U rows where nothing else needs them
            generator.dropUpdateBefore(rel);
        }
        SinkTransformation st = new SinkTransformation("Sink(table=[" + id + "], fields=["
                + String.join(", ", sinkType.names()) + "])", root, sink::createWriter);
        if (produced.hasUpdates() && !table.primaryKey().isEmpty()) {
            // as Flink's sink.keyed-shuffle: parallel instances of an upsert sink each own a share of the keys
            st.withInputPartitioning(0, io.sluice.runtime.graph.InputPartitioning.hash(
                    table.primaryKey().stream().mapToInt(sinkType::indexOf).toArray()));
        }
        return new CompiledInsert(id, new CompiledQuery(aligned, root), st);
    }

    /**
     * Reorders, pads with NULLs and casts the query's columns to the sink's columns (physical, then persisted
     * metadata); without a target column list the query supplies {@code declaredColumns} in order. Static partition
     * columns get their constant values and are not supplied by the query.
     */
    private static RelNode alignToSink(RelNode rel, RowType sinkType, List<String> declaredColumns,
            List<String> columns, Map<String, String> staticPartitions, ObjectIdentifier id) {
        RexBuilder rexBuilder = rel.getCluster().getRexBuilder();
        RelDataType queryType = rel.getRowType();
        List<String> targetColumns = columns == null || columns.isEmpty()
                ? StaticPartitions.remainingColumns(declaredColumns, staticPartitions) : columns;
        for (String c : targetColumns) {
            if (sinkType.indexOf(c) < 0) {
                throw new ValidationException("Unknown target column '" + c + "' of table " + id + "."
                        + io.sluice.runtime.util.NameSuggestions.didYouMean(c, sinkType.names()));
            }
        }
        if (queryType.getFieldCount() != targetColumns.size()) {
            throw new ValidationException("Column types of query result and sink for '" + id + "' do not match: the query"
                    + " has " + queryType.getFieldCount() + " columns but the sink expects " + targetColumns.size()
                    + " (" + String.join(", ", targetColumns) + ").");
        }
        List<RexNode> exprs = new ArrayList<>();
        for (int i = 0; i < sinkType.size(); i++) {
            RelDataType target = RelTypes.toRelDataType(sinkType.type(i), rel.getCluster().getTypeFactory());
            int pos = targetColumns.indexOf(sinkType.name(i));
            String constant = staticPartitions.get(sinkType.name(i));
            if (constant != null) {
                exprs.add(rexBuilder.makeCast(target, rexBuilder.makeLiteral(constant), true, false));
            } else if (pos < 0) {
                exprs.add(rexBuilder.makeNullLiteral(target));
            } else {
                RexNode ref = rexBuilder.makeInputRef(rel, pos);
                exprs.add(ref.getType().equals(target) ? ref : rexBuilder.makeCast(target, ref, true, false));
            }
        }
        RelBuilder b = io.sluice.planner.SluicePlannerSupport.relBuilder(rel);
        return b.push(rel).project(exprs, sinkType.names(), true).build();
    }

    /**
     * A sink writing the insert-only rows of {@code input} (whose columns are the table's physical columns) into
     * table {@code id}, for rows the engine adds to a job itself (late rows, {@link LateRowsRouting}).
     */
    SinkTransformation insertOnlySink(ObjectIdentifier id, CatalogTable table, Transformation input) {
        table.checkWritable(id.toString());
        RowType sinkType = table.physicalRowType();
        String connector = table.options().get(FactoryUtil.CONNECTOR.key());
        if (connector == null) {
            throw new ValidationException("Table " + id + " has no 'connector' option and cannot be written to.");
        }
        DynamicTableSinkFactory factory = FactoryUtil.discover(DynamicTableSinkFactory.class, connector, classLoader());
        FactoryUtil.validateOptions(id.toString(), factory, table.options(), classLoader());
        DynamicTableSink sink = factory.createDynamicTableSink(new TableContext(id.toString(), sinkType,
                io.sluice.runtime.connector.BadRecords.withoutTableOption(table.options()), configuration,
                table.partitionKeys(), table.primaryKey()));
        if (!sink.getChangelogMode(ChangelogMode.insertOnly()).contains(io.sluice.types.RowKind.INSERT)) {
            throw new ValidationException("Sink " + id + " does not accept inserts.");
        }
        return new SinkTransformation("Sink(table=[" + id + "], fields=[" + String.join(", ", sinkType.names())
                + "])", input, sink::createWriter);
    }

    /** Submits INSERT jobs as one job. */
    TableResult executeInserts(List<CompiledInsert> inserts) {
        List<SinkTransformation> sinks = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (CompiledInsert i : inserts) {
            sinks.add(i.sink);
            columns.add(Column.physical(i.target.toString(), DataTypes.BIGINT()));
        }
        sinks = BadRecordsRouting.attach(LateRowsRouting.attach(sinks, this), this);
        JobExecution job = LocalExecutor.submit(new JobGraph("insert-into_" + inserts.get(0).target, sinks),
                configuration.copy());
        Object[] values = new Object[inserts.size()];
        java.util.Arrays.fill(values, -1L);
        TableResult result = TableResultImpl.ofInsertJob(new ResolvedSchema(columns), job, List.of(Row.of(values)),
                configuration);
        if (Boolean.parseBoolean(configuration.toMap().getOrDefault("table.dml-sync", "false"))) {
            try {
                job.await();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new io.sluice.table.api.TableException("INSERT job failed: " + e.getMessage(), e);
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ user-defined functions

    io.sluice.planner.functions.FunctionCatalog functions() {
        return planner.functions();
    }

    @Override
    public void createTemporarySystemFunction(String name,
            Class<? extends io.sluice.table.functions.UserDefinedFunction> functionClass) {
        functions().createTemporarySystemFunction(name, io.sluice.codegen.udf.UserFunction.of(name, functionClass),
                false);
    }

    @Override
    public void createTemporarySystemFunction(String name, io.sluice.table.functions.UserDefinedFunction instance) {
        functions().createTemporarySystemFunction(name, io.sluice.codegen.udf.UserFunction.of(name, instance), false);
    }

    @Override
    public void createTemporaryFunction(String path,
            Class<? extends io.sluice.table.functions.UserDefinedFunction> functionClass) {
        ObjectIdentifier id = catalogs.qualify(splitPath(path));
        functions().createTemporaryFunction(id, io.sluice.codegen.udf.UserFunction.of(id.object(), functionClass),
                false);
    }

    @Override
    public void createTemporaryFunction(String path, io.sluice.table.functions.UserDefinedFunction instance) {
        ObjectIdentifier id = catalogs.qualify(splitPath(path));
        functions().createTemporaryFunction(id, io.sluice.codegen.udf.UserFunction.of(id.object(), instance), false);
    }

    @Override
    public void createFunction(String path,
            Class<? extends io.sluice.table.functions.UserDefinedFunction> functionClass) {
        createFunction(path, functionClass, false);
    }

    @Override
    public void createFunction(String path,
            Class<? extends io.sluice.table.functions.UserDefinedFunction> functionClass, boolean ignoreIfExists) {
        ObjectIdentifier id = catalogs.qualify(splitPath(path));
        functions().createCatalogFunction(id, io.sluice.codegen.udf.UserFunction.of(id.object(), functionClass),
                ignoreIfExists);
    }

    @Override
    public boolean dropTemporarySystemFunction(String name) {
        return functions().dropTemporarySystemFunction(name, true);
    }

    @Override
    public boolean dropTemporaryFunction(String path) {
        return functions().dropTemporaryFunction(catalogs.qualify(splitPath(path)), true);
    }

    @Override
    public boolean dropFunction(String path) {
        return functions().dropCatalogFunction(catalogs.qualify(splitPath(path)), true);
    }

    @Override
    public String[] listUserDefinedFunctions() {
        return functions().listUserFunctions().toArray(new String[0]);
    }
}
