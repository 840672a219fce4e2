package io.sluice.planner;

import io.sluice.codegen.RelTypes;
import io.sluice.planner.catalog.CatalogManager;
import io.sluice.planner.optimize.PlanOptimizer;
import io.sluice.planner.schema.CatalogSchemas;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.SqlParserException;
import io.sluice.table.api.TableException;
import io.sluice.table.api.ValidationException;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.Lex;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitDef;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * Turns query text into an optimized logical plan: Calcite parses it with Flink's lexical rules
 * (backtick quoting, case-sensitive identifiers), validates it against the session's catalogs,
 * converts it to relational algebra and {@link PlanOptimizer} rewrites it. One instance per session;
 * each call sees the catalogs as they are at that moment.
 */
public final class SluicePlanner implements RelOptTable.ViewExpander {
    /** The TIMESTAMP_LTZ rewrite of the query parsed last, to map error positions back to the user's text. */
    private TimestampLtzSyntax lastRewrite;
    static {
        CalciteDefaults.install();
    }

    private final CatalogManager catalogs;
    private final Configuration config;
    private final JavaTypeFactoryImpl typeFactory = new SluiceTypeFactory();
    private final SqlOperatorTable builtIns;
    private final io.sluice.planner.functions.FunctionCatalog functions;

    public SluicePlanner(CatalogManager catalogs, Configuration config, SqlOperatorTable builtIns) {
        this.catalogs = catalogs;
        this.config = config;
        this.functions = new io.sluice.planner.functions.FunctionCatalog(catalogs);
        this.builtIns = functions.withUserFunctions(
                io.sluice.planner.functions.WindowTableFunctions.withWindowFunctions(builtIns));
    }

    /** The session's user-defined functions. */
    public io.sluice.planner.functions.FunctionCatalog functions() {
        return functions;
    }

    public CatalogManager catalogs() {
        return catalogs;
    }

    public Configuration config() {
        return config;
    }

    public JavaTypeFactoryImpl typeFactory() {
        return typeFactory;
    }

    /** The parser configuration for Flink SQL's lexical rules. */
    public static SqlParser.Config parserConfig() {
        return SqlParser.config()
                .withLex(Lex.JAVA)
                .withConformance(SluiceConformance.INSTANCE)
                .withIdentifierMaxLength(1024);
    }

    /** Parses a query; a syntax error becomes a {@link SqlParserException} with line and column. */
    public SqlNode parseQuery(String sql) {
        lastRewrite = TimestampLtzSyntax.rewrite(sql);
        try {
            return MatchRecognizeDefaults.apply(SqlParser.create(lastRewrite.sql(), parserConfig()).parseQuery());
        } catch (SqlParseException e) {
            SqlParserPos pos = e.getPos();
            throw new SqlParserException(shortParseMessage(e), pos == null ? 0 : pos.getLineNum(),
                    pos == null ? 0 : originalColumn(pos.getLineNum(), pos.getColumnNum()));
        }
    }

    /** The column the user wrote for a position in the last parsed query (see {@link TimestampLtzSyntax}). */
    private int originalColumn(int line, int column) {
        return lastRewrite == null ? column : lastRewrite.originalColumn(line, column);
    }

    /** Parses a scalar expression (computed columns, watermarks). */
    public SqlNode parseExpression(String sql) {
        lastRewrite = TimestampLtzSyntax.rewrite(sql);
        try {
            return SqlParser.create(lastRewrite.sql(), parserConfig()).parseExpression();
        } catch (SqlParseException e) {
            SqlParserPos pos = e.getPos();
            throw new SqlParserException(shortParseMessage(e), pos == null ? 0 : pos.getLineNum(),
                    pos == null ? 0 : originalColumn(pos.getLineNum(), pos.getColumnNum()));
        }
    }

    /** Calcite lists every expected token; keep the first sentence and at most a few expectations. */
    private static String shortParseMessage(SqlParseException e) {
        String msg = e.getMessage();
        int expecting = msg.indexOf("Was expecting");
        if (expecting < 0) {
            return msg.split("\n")[0];
        }
        String head = msg.substring(0, expecting).trim();
        String[] alternatives = msg.substring(expecting).split("\n");
        StringBuilder sb = new StringBuilder(head).append("\nWas expecting one of:");
        int shown = 0;
        for (int i = 1; i < alternatives.length && shown < 8; i++) {
            String a = alternatives[i].trim();
            if (!a.isEmpty() && !a.equals("...")) {
                sb.append("\n    ").append(a);
                shown++;
            }
        }
        return sb.toString();
    }

    /** The result of planning one query. */
    public static final class PlannedQuery {
        public final RelNode logical;
        public final RelNode optimized;
        public final RowType rowType;

        public PlannedQuery(RelNode logical, RelNode optimized, RowType rowType) {
            this.logical = logical;
            this.optimized = optimized;
            this.rowType = rowType;
        }
    }

    /** Parses, validates, converts and optimizes a query. */
    public PlannedQuery plan(String sql) {
        RelRoot root = toRel(parseQuery(sql));
        RelNode logical = root.project();
        RelNode optimized = PlanOptimizer.optimize(logical, relBuilder(logical.getCluster()));
        return new PlannedQuery(logical, optimized, RelTypes.toRowType(logical.getRowType()));
    }

    /** The hints the converter passes on: OPTIONS on table scans ({@link io.sluice.planner.schema.OptionsHint}). */
    private static final org.apache.calcite.rel.hint.HintStrategyTable HINTS =
            org.apache.calcite.rel.hint.HintStrategyTable.builder()
                    .hintStrategy(io.sluice.planner.schema.OptionsHint.NAME,
                            org.apache.calcite.rel.hint.HintPredicates.TABLE_SCAN)
                    .build();

    /** Validates and converts a parsed query. */
    public RelRoot toRel(SqlNode query) {
        ViewHints.rejectOptionsOnViews(query, catalogs);
        CalciteCatalogReader reader = catalogReader();
        SqlValidator validator = validator(reader);
        SqlNode validated;
        try {
            validated = validator.validate(io.sluice.planner.functions.ZippedUnnest.rewrite(
                    io.sluice.planner.functions.SessionPartitionRewriter.rewrite(
                            io.sluice.planner.functions.GroupWindowRewriter.rewrite(
                                    io.sluice.planner.functions.CatalogContextRewriter.rewrite(
                                            io.sluice.planner.functions.NamedArgumentRewriter.rewrite(query,
                                                    builtIns, typeFactory),
                                            catalogs.currentCatalog(), catalogs.currentDatabase())))));
        } catch (CalciteContextException e) {
            throw validationError(e);
        }
        RelOptCluster cluster = cluster();
        SqlToRelConverter converter = new SqlToRelConverter(this, validator, reader, cluster,
                StandardConvertletTable.INSTANCE,
                SqlToRelConverter.config()
                        .withTrimUnusedFields(true)
                        .withExpand(false)
                        .withInSubQueryThreshold(Integer.MAX_VALUE)
                        .withHintStrategyTable(HINTS)
                        .withRelBuilderFactory(io.sluice.planner.functions.ZippedUnnest.RELBUILDER_FACTORY));
        rejectOuterTemporalJoins(validated);
        RelRoot root;
        try {
            root = converter.convertQuery(validated, false, true);
        } catch (AssertionError e) {
            // Calcite asserts that a correlate (what FOR SYSTEM_TIME AS OF becomes) is INNER or LEFT
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("Correlate has invalid join type (\\w+)")
                    .matcher(String.valueOf(e.getMessage()));
            if (m.find()) {
                throw new ValidationException("Temporal table join only supports INNER JOIN and LEFT JOIN, but the "
                        + "join type is " + m.group(1) + " JOIN.");
            }
            throw e;
        }
        // temporal joins first: trimming must not drop the versioned side's rowtime and key columns
        RelNode rel = io.sluice.planner.translate.TemporalJoinRewriter.rewrite(root.rel);
        return root.withRel(converter.trimUnusedFields(true, rel));
    }

    /** Flink's temporal joins are INNER or LEFT; Calcite would fail on a RIGHT or FULL one with an assertion. */
    private void rejectOuterTemporalJoins(SqlNode query) {
        query.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
            @Override
            public Void visit(org.apache.calcite.sql.SqlCall call) {
                if (call instanceof org.apache.calcite.sql.SqlJoin) {
                    org.apache.calcite.sql.SqlJoin join = (org.apache.calcite.sql.SqlJoin) call;
                    org.apache.calcite.sql.JoinType type = join.getJoinType();
                    SqlNode right = join.getRight();
                    if (right.getKind() == org.apache.calcite.sql.SqlKind.AS) {
                        right = ((org.apache.calcite.sql.SqlCall) right).operand(0);
                    }
                    if (right.getKind() == org.apache.calcite.sql.SqlKind.SNAPSHOT
                            && (type == org.apache.calcite.sql.JoinType.RIGHT
                            || type == org.apache.calcite.sql.JoinType.FULL)) {
                        ValidationException v = new ValidationException("Temporal table join only supports INNER "
                                + "JOIN and LEFT JOIN, but the join type is " + type + " JOIN.");
                        int line = join.getParserPosition().getLineNum();
                        v.atPosition(line, originalColumn(line, join.getParserPosition().getColumnNum()));
                        throw v;
                    }
                }
                return super.visit(call);
            }
        });
    }

    /**
     * The types of a query's dynamic parameters ({@code ?}) in order, inferred by validating the query (a parameter
     * compared with a column takes the column's type, {@code CAST(? AS INT)} is an INT, ...); a parameter whose
     * type its context does not tell fails validation.
     */
    public List<io.sluice.runtime.types.LogicalType> parameterTypes(String sql) {
        CalciteCatalogReader reader = catalogReader();
        SqlValidator validator = validator(reader);
        SqlNode validated;
        try {
            validated = validator.validate(io.sluice.planner.functions.ZippedUnnest.rewrite(
                    io.sluice.planner.functions.SessionPartitionRewriter.rewrite(
                            io.sluice.planner.functions.GroupWindowRewriter.rewrite(
                                    io.sluice.planner.functions.NamedArgumentRewriter.rewrite(parseQuery(sql),
                                            builtIns, typeFactory)))));
        } catch (CalciteContextException e) {
            throw validationError(e);
        }
        List<io.sluice.runtime.types.LogicalType> types = new java.util.ArrayList<>();
        for (org.apache.calcite.rel.type.RelDataTypeField f : validator.getParameterRowType(validated).getFieldList()) {
            types.add(RelTypes.toLogicalType(f.getType()).copy(true));
        }
        return types;
    }

    /**
     * The query as Flink stores a view's expanded query: validated, with every table name fully qualified, each
     * column qualified by its table (or alias) and {@code *} expanded, all identifiers in backquotes.
     */
    public String expandedQuery(String sql) {
        SqlNode validated;
        try {
            // implicit casts would show as written CASTs: leave them out where the query validates without them
            validated = validator(catalogReader(), false).validate(io.sluice.planner.functions.CatalogContextRewriter
                    .rewrite(parseQuery(sql), catalogs.currentCatalog(), catalogs.currentDatabase()));
        } catch (CalciteContextException e) {
            try {
                validated = validator(catalogReader(), true).validate(io.sluice.planner.functions.CatalogContextRewriter
                        .rewrite(parseQuery(sql), catalogs.currentCatalog(), catalogs.currentDatabase()));
            } catch (CalciteContextException again) {
                throw validationError(again);
            }
        }
        org.apache.calcite.sql.SqlDialect dialect = new org.apache.calcite.sql.dialect.CalciteSqlDialect(
                org.apache.calcite.sql.SqlDialect.EMPTY_CONTEXT
                        .withIdentifierQuoteString("`")
                        .withQuotedCasing(org.apache.calcite.avatica.util.Casing.UNCHANGED)
                        .withUnquotedCasing(org.apache.calcite.avatica.util.Casing.UNCHANGED));
        return validated.toSqlString(dialect).getSql();
    }

    /** The validated row type of a query, without planning it further. */
    public RelDataType validatedRowType(String sql) {
        return toRel(parseQuery(sql)).validatedRowType;
    }

    @Override
    public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
            List<String> viewPath) {
        return toRel(parseQuery(queryString));
    }

    /**
     * Converts SQL expressions over the columns of {@code inputRowType} (computed columns, watermark
     * expressions) into {@link RexNode}s whose input references index into that row type. With a null
     * {@code cluster} a new one is used (when only the types matter).
     */
    public List<RexNode> convertExpressions(RelOptCluster cluster, RelDataType inputRowType, List<String> expressions) {
        String input = "__input__";
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        root.add(input, new org.apache.calcite.schema.impl.AbstractTable() {
            @Override
            public RelDataType getRowType(org.apache.calcite.rel.type.RelDataTypeFactory f) {
                return inputRowType;
            }
        });
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String e : expressions) {
            sql.append(e).append(", ");
        }
        sql.append("0 FROM `").append(input).append('`'); // the trailing constant keeps a Project on top
        Properties props = new Properties();
        props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        CalciteCatalogReader reader = new CalciteCatalogReader(root, List.of(), typeFactory,
                new CalciteConnectionConfigImpl(props));
        SqlValidator validator = validator(reader);
        SqlNode validated;
        try {
            validated = validator.validate(parseQuery(sql.toString()));
        } catch (CalciteContextException e) {
            throw new ValidationException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
        }
        SqlToRelConverter converter = new SqlToRelConverter(this, validator, reader,
                cluster != null ? cluster : cluster(), StandardConvertletTable.INSTANCE,
                SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(false)
                        .withRelBuilderFactory(RelFactories.LOGICAL_BUILDER));
        RelNode rel = converter.convertQuery(validated, false, true).rel;
        if (!(rel instanceof org.apache.calcite.rel.core.Project)) {
            throw new ValidationException("Expressions " + expressions + " could not be converted: " + rel);
        }
        List<RexNode> projects = ((org.apache.calcite.rel.core.Project) rel).getProjects();
        return List.copyOf(projects.subList(0, expressions.size()));
    }

    public RelBuilder relBuilder(RelOptCluster cluster) {
        return RelFactories.LOGICAL_BUILDER.create(cluster, catalogReader());
    }

    private CalciteCatalogReader catalogReader() {
        CalciteSchema root = CalciteSchema.createRootSchema(false, false, "", CatalogSchemas.root(catalogs, this));
        Properties props = new Properties();
        props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        CalciteConnectionConfig cc = new CalciteConnectionConfigImpl(props);
        // names resolve as in Flink: t (current database), db.t (current catalog), cat.db.t
        List<List<String>> paths = List.of(List.of(catalogs.currentCatalog(), catalogs.currentDatabase()),
                List.of(catalogs.currentCatalog()), List.<String>of());
        return new CalciteCatalogReader(root, org.apache.calcite.sql.validate.SqlNameMatchers.withCaseSensitive(true),
                paths, typeFactory, cc) {
            // a subclass: the constructor taking several default schema paths is protected
        };
    }

    private SqlValidator validator(CalciteCatalogReader reader) {
        return validator(reader, true);
    }

    /** Without type coercion the validator adds no implicit CASTs to the tree (for {@link #expandedQuery}). */
    private SqlValidator validator(CalciteCatalogReader reader, boolean typeCoercion) {
        SqlOperatorTable ops = SqlOperatorTables.chain(builtIns, reader);
        return SqlValidatorUtil.newValidator(ops, reader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withIdentifierExpansion(true)
                        .withConformance(SluiceConformance.INSTANCE)
                        .withDefaultNullCollation(NullCollation.LOW)
                        .withTypeCoercionEnabled(typeCoercion));
    }

    private RelOptCluster cluster() {
        VolcanoPlanner planner = new VolcanoPlanner();
        planner.setExecutor(new FlinkCastRexExecutor());
        for (RelTraitDef<?> def : List.of(ConventionTraitDef.INSTANCE, RelCollationTraitDef.INSTANCE)) {
            planner.addRelTraitDef(def);
        }
        return RelOptCluster.create(planner, new NumericCastPreservingRexBuilder(typeFactory));
    }

    /** A validation error with its position; unknown tables get the nearest existing names. */
    private TableException validationError(CalciteContextException e) {
        String msg = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        if (msg != null && msg.contains("is not a temporal table")) {
            TableException unsupported = new io.sluice.table.api.UnsupportedFeatureException(
                    "temporal joins (FOR SYSTEM_TIME AS OF)");
            unsupported.atPosition(e.getPosLine(), originalColumn(e.getPosLine(), e.getPosColumn()));
            return unsupported;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Object '([^']+)' not found").matcher(msg);
        if (m.find() && !msg.contains("did you mean")) {
            List<String> names = catalogs.listObjects(catalogs.currentCatalog(), catalogs.currentDatabase());
            msg = msg + "." + io.sluice.runtime.util.NameSuggestions.didYouMean(m.group(1), names)
                    + (names.isEmpty() ? " No tables are defined in " + catalogs.currentCatalog() + "."
                    + catalogs.currentDatabase() + "." : "");
        }
        ValidationException v = new ValidationException(msg, e);
        v.atPosition(e.getPosLine(), originalColumn(e.getPosLine(), e.getPosColumn()));
        return v;
    }
}
