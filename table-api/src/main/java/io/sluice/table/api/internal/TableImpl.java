package io.sluice.table.api.internal;

import io.sluice.codegen.RelTypes;
import io.sluice.table.api.ApiExpression;
import io.sluice.table.api.GroupWindow;
import io.sluice.table.api.GroupWindowedTable;
import io.sluice.table.api.GroupedTable;
import io.sluice.table.api.OverWindow;
import io.sluice.table.api.OverWindowedTable;
import io.sluice.table.api.ResolvedSchema;
import io.sluice.table.api.Table;
import io.sluice.table.api.TableDescriptor;
import io.sluice.table.api.TablePipeline;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import io.sluice.table.api.internal.ExprNode.Kind;
import io.sluice.table.expressions.Expression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Table}: query text (from {@code sqlQuery}) or a {@link QueryBlock} built by Table API operations. Every
 * operation renders its expressions as SQL over this table's columns and validates the new query at once, so errors
 * surface where the operation is written.
 */
final class TableImpl implements Table {
    private final TableEnvironmentImpl env;
    private final QueryBlock block;
    private final String sql;
    private final ResolvedSchema schema;
    /** The group window alias whose properties this table's columns hold (after a windowed flatAggregate). */
    private String windowAlias;

    private TableImpl(TableEnvironmentImpl env, QueryBlock block, String sql, boolean generated) {
        this.env = env;
        this.block = block;
        this.sql = block != null ? block.toSql() : sql;
        this.schema = ResolvedSchema.fromRowType(RelTypes.toRowType(validate(env, this.sql, generated)));
    }

    /**
     * Validates the query; a failure of a query the Table API generated does not point at a position in text the user
     * never wrote, but shows that text after the planner's message.
     */
    private static org.apache.calcite.rel.type.RelDataType validate(TableEnvironmentImpl env, String sql,
            boolean generated) {
        try {
            return env.planner().validatedRowType(sql);
        } catch (UnsupportedFeatureException e) {
            throw e;
        } catch (io.sluice.table.api.TableException e) {
            if (!generated) {
                throw e;
            }
            String message = e.getMessage() + "\nThe Table API operation translates to this SQL query: " + sql;
            throw e instanceof ValidationException ? new ValidationException(message, e)
                    : new io.sluice.table.api.TableException(message, e);
        }
    }

    /** A table defined by query text the user wrote. */
    static TableImpl ofQuery(TableEnvironmentImpl env, String query) {
        return new TableImpl(env, null, query, false);
    }

    /** A table defined by query text the Table API generated. */
    static TableImpl ofGeneratedQuery(TableEnvironmentImpl env, String query) {
        return new TableImpl(env, null, query, true);
    }

    /** A table defined by a block. */
    static TableImpl ofBlock(TableEnvironmentImpl env, QueryBlock block) {
        return new TableImpl(env, block, null, true);
    }

    /** The table or view with this quoted, qualified name. */
    static TableImpl ofName(TableEnvironmentImpl env, String quotedName) {
        return ofBlock(env, new QueryBlock(quotedName, true, false));
    }

    String query() {
        return sql;
    }

    /**
     * This table, whose expressions may use {@code $(alias).start()}, {@code .end()} and {@code .rowtime()} for its
     * columns window_start, window_end and window_time; call only on a table just created.
     */
    TableImpl withWindowAlias(String alias) {
        this.windowAlias = alias;
        return this;
    }

    TableEnvironmentImpl env() {
        return env;
    }

    List<String> columns() {
        return schema.getColumnNames();
    }

    ExprRenderer renderer() {
        return new ExprRenderer(env, columns(), windowAlias, Map.of());
    }

    static ExprNode node(Expression e) {
        if (!(e instanceof ApiExpression)) {
            throw new UnsupportedFeatureException("expressions of class " + (e == null ? "null" : e.getClass().getName()));
        }
        return ((ApiExpression) e).toNode();
    }

    static List<ExprNode> nodes(Expression... es) {
        List<ExprNode> list = new ArrayList<>();
        for (Expression e : es) {
            list.add(node(e));
        }
        return list;
    }

    private TableImpl own(Table other) {
        if (!(other instanceof TableImpl) || ((TableImpl) other).env != env) {
            throw new ValidationException("Only tables of the same TableEnvironment can be combined");
        }
        return (TableImpl) other;
    }

    /** How this table appears in a FROM clause: its name, its join, or a sub-query. */
    String fromItem(boolean leftOfJoin) {
        if (block != null && block.onlyFrom() && (block.namedFrom || leftOfJoin && block.joinFrom)) {
            return block.from;
        }
        return "(" + sql + ") AS " + env.freshAlias();
    }

    /** How this table appears as the table argument of a window function: {@code TABLE name} or a sub-query. */
    String fromItemForTableArgument() {
        if (block != null && block.onlyFrom() && block.namedFrom) {
            return "TABLE " + block.from;
        }
        return "(" + sql + ")";
    }

    /** A block whose input columns are this table's columns, reusing this block when nothing would change. */
    QueryBlock base() {
        if (block != null && block.canFilter()) {
            return block.copy();
        }
        return new QueryBlock(fromItem(true), false, false);
    }

    /** A block reading this table's result (for operations that must follow everything done so far). */
    private QueryBlock wrapped() {
        return new QueryBlock(fromItem(true), false, false);
    }

    // ------------------------------------------------------------------ execution

    @Override
    public ResolvedSchema getResolvedSchema() {
        return schema;
    }

    @Override
    public TableResult execute() {
        return env.executeQuery(sql);
    }

    @Override
    public String explain() {
        return env.compileQuery(sql).explain();
    }

    @Override
    public String explain(io.sluice.table.api.ExplainDetail... extraDetails) {
        return env.explainSql(sql, extraDetails);
    }

    @Override
    public TableResult executeInsert(String tablePath) {
        return insertInto(tablePath).execute();
    }

    @Override
    public TablePipeline insertInto(String tablePath, boolean overwrite) {
        return new TablePipelineImpl(env, this, tablePath, overwrite);
    }

    @Override
    public TablePipeline insertInto(TableDescriptor descriptor, boolean overwrite) {
        return insertInto(env.createAnonymousTable(descriptor), overwrite);
    }

    @Override
    public void printSchema() {
        System.out.println(schema);
    }

    private String registeredName;

    /**
     * As in Flink, registers this table as a temporary view under a unique name and returns the (quoted) name, so a
     * table can be used inside SQL text: {@code tEnv.sqlQuery("SELECT * FROM " + table)}.
     */
    @Override
    public synchronized String toString() {
        if (registeredName == null) {
            String name = env.uniqueName("UnnamedTable$");
            env.createTemporaryView(name, this);
            registeredName = ExprRenderer.quote(name);
        }
        return registeredName;
    }

    // ------------------------------------------------------------------ relational operations

    @Override
    public Table select(Expression... fields) {
        return select(nodes(fields));
    }

    /** {@link #select(Expression...)} of expressions already converted to nodes. */
    Table select(List<ExprNode> fields) {
        List<ExprNode> items = named(flattened(fields));
        QueryBlock b = block != null && block.canProjectSorted() && !shadowsInput(items) ? block.copy() : base();
        b.select = renderer().renderList(items);
        return ofBlock(env, b);
    }

    /**
     * The items with each {@code x.flatten()} replaced by {@code x.get(field)} for every field of the composite value
     * {@code x} (whose type the planner derives), or by {@code x} itself when it is not composite, as in Flink.
     */
    List<ExprNode> flattened(List<ExprNode> items) {
        List<ExprNode> out = new ArrayList<>();
        for (ExprNode n : items) {
            if (n.kind != Kind.FLATTEN) {
                out.add(n);
                continue;
            }
            ExprNode value = n.args.get(0);
            QueryBlock probe = base();
            probe.select = List.of(renderer().render(value) + " AS " + ExprRenderer.quote("$flattened"));
            io.sluice.runtime.types.LogicalType type = ofBlock(env, probe).getResolvedSchema().getColumns().get(0)
                    .getDataType().getLogicalType();
            if (type.root() == io.sluice.runtime.types.TypeRoot.ROW) {
                for (String field : type.fieldNames()) {
                    out.add(ExprNode.of(Kind.GET, null, field, List.of(value), null));
                }
            } else {
                out.add(value);
            }
        }
        return out;
    }

    /**
     * The name Flink gives {@code get} on a column (transitively): {@code r$a} for {@code $("r").get("a")},
     * {@code r$_0} for {@code get(0)}, {@code r$a$b} for a nested field; null for other expressions.
     */
    static String getName(ExprNode n) {
        if (n.kind == Kind.FIELD) {
            return n.text;
        }
        if (n.kind != Kind.GET) {
            return null;
        }
        String parent = getName(n.args.get(0));
        if (parent == null) {
            return null;
        }
        return parent + (n.value instanceof Integer ? "$_" + n.value : "$" + n.value);
    }

    /**
     * Names projection items as Flink does: a column reference keeps its name, an alias gives one, a field of a
     * column is named {@code r$a} ({@link #getName}), any other expression at position i is named {@code _c<i>}; two
     * items of the same name are an error.
     */
    static List<ExprNode> named(List<ExprNode> items) {
        List<ExprNode> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            ExprNode n = items.get(i);
            String fieldName = n.kind == Kind.GET ? getName(n) : null;
            if (fieldName != null) {
                n = ExprNode.of(Kind.ALIAS, null, List.of(fieldName), List.of(n), null);
            } else if (n.kind != Kind.FIELD && n.kind != Kind.ALIAS && n.kind != Kind.STAR && n.kind != Kind.COLUMNS) {
                n = ExprNode.of(Kind.ALIAS, null, List.of("_c" + i), List.of(n), null);
            }
            String name = ExprRenderer.outputName(n);
            if (name != null && !names.add(name)) {
                throw new ValidationException("Ambiguous column name: " + name);
            }
            out.add(n);
        }
        return out;
    }

    /**
     * True when an item names its result after an input column it does not simply pass on; such a select cannot
     * share a block with an ORDER BY, which would then refer to the new column.
     */
    private boolean shadowsInput(List<ExprNode> items) {
        for (ExprNode n : items) {
            String name = ExprRenderer.outputName(n);
            if (name != null && columns().contains(name) && n.kind == Kind.ALIAS
                    && !(n.args.get(0).kind == Kind.FIELD && n.args.get(0).text.equals(name))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Table as(String field, String... fields) {
        List<String> names = new ArrayList<>();
        names.add(field);
        names.addAll(List.of(fields));
        List<String> cols = columns();
        if (names.size() != cols.size()) {
            throw new ValidationException("as(...) gives " + names.size() + " names but the table has " + cols.size()
                    + " columns " + cols);
        }
        QueryBlock b = base();
        b.select = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            b.select.add(ExprRenderer.quote(cols.get(i)) + " AS " + ExprRenderer.quote(names.get(i)));
        }
        return ofBlock(env, b);
    }

    @Override
    public Table filter(Expression predicate) {
        QueryBlock b = block != null && block.canFilterSorted() ? block.copy() : base();
        b.where.add(renderer().render(node(predicate)));
        return ofBlock(env, b);
    }

    @Override
    public Table where(Expression predicate) {
        return filter(predicate);
    }

    @Override
    public GroupedTable groupBy(Expression... fields) {
        return new GroupedTableImpl(this, nodes(fields));
    }

    @Override
    public io.sluice.table.api.AggregatedTable aggregate(Expression aggregateFunction) {
        return new GroupedTableImpl(this, List.of()).aggregate(aggregateFunction);
    }

    @Override
    public io.sluice.table.api.FlatAggregateTable flatAggregate(Expression tableAggregateFunction) {
        TableImpl result = FlatAggregateTranslator.translate(this, List.of(), node(tableAggregateFunction));
        return new FlatAggregateTableImpl(result, result.columns());
    }

    @Override
    public Table distinct() {
        if (block != null && block.select != null && block.orderBy == null && block.offset == null
                && block.fetch == null && !block.distinct) {
            QueryBlock b = block.copy();
            b.distinct = true;
            return ofBlock(env, b);
        }
        QueryBlock b = base();
        b.distinct = true;
        return ofBlock(env, b);
    }

    // ------------------------------------------------------------------ joins

    @Override
    public Table join(Table right) {
        return join(right, null, "INNER");
    }

    @Override
    public Table join(Table right, Expression joinPredicate) {
        return join(right, joinPredicate, "INNER");
    }

    @Override
    public Table leftOuterJoin(Table right) {
        return join(right, null, "LEFT");
    }

    @Override
    public Table leftOuterJoin(Table right, Expression joinPredicate) {
        return join(right, joinPredicate, "LEFT");
    }

    @Override
    public Table rightOuterJoin(Table right, Expression joinPredicate) {
        return join(right, joinPredicate, "RIGHT");
    }

    @Override
    public Table fullOuterJoin(Table right, Expression joinPredicate) {
        return join(right, joinPredicate, "FULL");
    }

    private Table join(Table rightTable, Expression predicate, String type) {
        TableImpl right = own(rightTable);
        Set<String> common = new LinkedHashSet<>(columns());
        common.retainAll(right.columns());
        if (!common.isEmpty()) {
            throw new ValidationException("join relations with ambiguous names: " + common
                    + "; rename the columns of one side first, e.g. right.as(...) or renameColumns(...)");
        }
        List<String> both = new ArrayList<>(columns());
        both.addAll(right.columns());
        String condition = predicate == null ? "TRUE" : new ExprRenderer(env, both).render(node(predicate));
        String from = fromItem(true) + " " + type + " JOIN " + right.fromItem(false) + " ON " + condition;
        return ofBlock(env, new QueryBlock(from, false, true));
    }

    @Override
    public Table joinLateral(Expression tableFunctionCall) {
        return joinLateral(tableFunctionCall, null, false);
    }

    @Override
    public Table joinLateral(Expression tableFunctionCall, Expression joinPredicate) {
        return joinLateral(tableFunctionCall, joinPredicate, false);
    }

    @Override
    public Table leftOuterJoinLateral(Expression tableFunctionCall) {
        return joinLateral(tableFunctionCall, null, true);
    }

    @Override
    public Table leftOuterJoinLateral(Expression tableFunctionCall, Expression joinPredicate) {
        return joinLateral(tableFunctionCall, joinPredicate, true);
    }

    /** {@code LATERAL TABLE(f(args)) AS T(names)} for a table function call, possibly with column names. */
    String lateralItem(ExprNode call) {
        List<String> names = List.of();
        if (call.kind == Kind.ALIAS) {
            @SuppressWarnings("unchecked")
            List<String> n = (List<String>) call.value;
            names = n;
            call = call.args.get(0);
        }
        if (call.kind != Kind.NAMED_CALL && call.kind != Kind.FUNCTION_CALL) {
            throw new ValidationException("A lateral join or flatMap takes a table function call such as "
                    + "call(\"split\", $(\"c\")) or call(MySplit.class, $(\"c\")), not " + call);
        }
        StringBuilder sb = new StringBuilder("LATERAL TABLE(").append(renderer().render(call)).append(") AS ")
                .append(env.freshAlias());
        if (!names.isEmpty()) {
            List<String> quoted = new ArrayList<>();
            names.forEach(x -> quoted.add(ExprRenderer.quote(x)));
            sb.append('(').append(String.join(", ", quoted)).append(')');
        }
        return sb.toString();
    }

    private Table joinLateral(Expression call, Expression predicate, boolean leftOuter) {
        String item = lateralItem(node(call));
        String left = fromItem(true);
        if (predicate == null) {
            String from = left + (leftOuter ? " LEFT JOIN " + item + " ON TRUE" : " CROSS JOIN " + item);
            return ofBlock(env, new QueryBlock(from, false, true));
        }
        List<String> both = ofBlock(env, new QueryBlock(left + " CROSS JOIN " + item, false, true)).columns();
        String condition = new ExprRenderer(env, both).render(node(predicate));
        String from = left + (leftOuter ? " LEFT JOIN " : " INNER JOIN ") + item + " ON " + condition;
        return ofBlock(env, new QueryBlock(from, false, true));
    }

    // ------------------------------------------------------------------ set operations

    private Table setOperation(Table right, String op) {
        TableImpl r = own(right);
        if (r.columns().size() != columns().size()) {
            throw new ValidationException(op + " needs inputs with the same number of columns: " + columns() + " and "
                    + r.columns());
        }
        return ofGeneratedQuery(env, "(" + sql + ") " + op + " (" + r.sql + ")");
    }

    @Override
    public Table minus(Table right) {
        return setOperation(right, "EXCEPT");
    }

    @Override
    public Table minusAll(Table right) {
        return setOperation(right, "EXCEPT ALL");
    }

    @Override
    public Table union(Table right) {
        return setOperation(right, "UNION");
    }

    @Override
    public Table unionAll(Table right) {
        return setOperation(right, "UNION ALL");
    }

    @Override
    public Table intersect(Table right) {
        return setOperation(right, "INTERSECT");
    }

    @Override
    public Table intersectAll(Table right) {
        return setOperation(right, "INTERSECT ALL");
    }

    // ------------------------------------------------------------------ sorting and limits

    @Override
    public Table orderBy(Expression... fields) {
        QueryBlock b = block != null && block.orderBy == null && block.offset == null && block.fetch == null
                ? block.copy() : wrapped();
        b.orderBy = renderer().renderList(nodes(fields));
        return ofBlock(env, b);
    }

    @Override
    public Table offset(int offset) {
        if (offset < 0) {
            throw new ValidationException("offset must not be negative: " + offset);
        }
        QueryBlock b = block != null && block.offset == null && block.fetch == null ? block.copy() : wrapped();
        b.offset = offset;
        return ofBlock(env, b);
    }

    @Override
    public Table fetch(int fetch) {
        if (fetch < 0) {
            throw new ValidationException("fetch must not be negative: " + fetch);
        }
        QueryBlock b = block != null && block.fetch == null ? block.copy() : wrapped();
        b.fetch = fetch;
        return ofBlock(env, b);
    }

    // ------------------------------------------------------------------ windows

    @Override
    public GroupWindowedTable window(GroupWindow groupWindow) {
        return keys -> new WindowGroupedTableImpl(this, groupWindow, nodes(keys));
    }

    @Override
    public OverWindowedTable window(OverWindow... overWindows) {
        return selected -> {
            Map<String, String> specs = new LinkedHashMap<>();
            for (OverWindow w : overWindows) {
                ExprNode alias = node(w.getAlias());
                specs.put(alias.text, OverWindowSpec.render(renderer(), w));
            }
            QueryBlock b = base();
            b.select = new ExprRenderer(env, columns(), null, specs).renderList(named(nodes(selected)));
            return ofBlock(env, b);
        };
    }

    // ------------------------------------------------------------------ column operations

    @Override
    public Table addColumns(Expression... fields) {
        return addColumns(false, fields);
    }

    @Override
    public Table addOrReplaceColumns(Expression... fields) {
        return addColumns(true, fields);
    }

    private Table addColumns(boolean replace, Expression... fields) {
        return ColumnOperations.add(this, replace, nodes(fields));
    }

    @Override
    public Table renameColumns(Expression... fields) {
        return ColumnOperations.rename(this, nodes(fields));
    }

    @Override
    public Table dropColumns(Expression... fields) {
        return ColumnOperations.drop(this, nodes(fields));
    }

    @Override
    public Table map(Expression mapFunction) {
        ExprNode n = node(mapFunction);
        List<String> names = List.of();
        if (n.kind == Kind.ALIAS) {
            @SuppressWarnings("unchecked")
            List<String> aliases = (List<String>) n.value;
            names = aliases;
            n = n.args.get(0);
        }
        if (n.kind != Kind.NAMED_CALL && n.kind != Kind.FUNCTION_CALL) {
            throw new ValidationException("map takes a scalar function call such as call(MyFunction.class, $(\"a\")),"
                    + " not " + n);
        }
        // the function's result, once per row; a ROW result is then flattened into one column per field, as in Flink
        String result = "$map";
        QueryBlock call = base();
        call.select = List.of(renderer().render(n) + " AS " + ExprRenderer.quote(result));
        TableImpl called = ofBlock(env, call);
        List<ExprNode> fields = called.flattened(List.of(ExprNode.of(Kind.FLATTEN, null, null,
                List.of(ExprNode.field(result)), null)));
        if (!names.isEmpty() && names.size() != fields.size()) {
            throw new ValidationException("map names " + names.size() + " columns " + names + " but " + n
                    + " returns " + fields.size());
        }
        List<ExprNode> items = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            items.add(ExprNode.of(Kind.ALIAS, null, List.of(names.isEmpty() ? "_c" + i : names.get(i)),
                    List.of(fields.get(i)), null));
        }
        QueryBlock b = called.wrapped();
        b.select = called.renderer().renderList(items);
        return ofBlock(env, b);
    }

    @Override
    public Table flatMap(Expression tableFunction) {
        String item = lateralItem(node(tableFunction));
        String alias = item.substring(item.lastIndexOf(") AS ") + 5).replaceAll("\\(.*$", "");
        QueryBlock b = new QueryBlock(fromItem(true) + " CROSS JOIN " + item, false, false);
        b.select = List.of(alias + ".*");
        return ofBlock(env, b);
    }
}
