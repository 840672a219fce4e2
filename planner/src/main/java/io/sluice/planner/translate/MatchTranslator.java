package io.sluice.planner.translate;

import io.sluice.codegen.CodeGenerator;
import io.sluice.codegen.RelTypes;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.match.AfterMatchSkip;
import io.sluice.runtime.operator.match.DefineCondition;
import io.sluice.runtime.operator.match.MatchRecognizeOperator;
import io.sluice.runtime.operator.match.MatchSpec;
import io.sluice.runtime.operator.match.Navigation;
import io.sluice.runtime.operator.match.PatternElement;
import io.sluice.runtime.operator.match.UserAggregateCall;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Match;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPatternFieldRef;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Translates {@code MATCH_RECOGNIZE} (Calcite's {@link Match}) into a {@link MatchRecognizeOperator}, with
 * Flink's subset and checks: ONE ROW PER MATCH, a pattern that is a concatenation of quantified variables, ORDER BY
 * an ascending time attribute first, no SUBSET. Navigation ({@code PREV/LAST/FIRST}), aggregates over a pattern
 * variable, {@code CLASSIFIER()}, {@code MATCH_ROWTIME()} and {@code MATCH_PROCTIME()} become {@link Navigation}s
 * the operator evaluates over the rows of a match; the expressions around them are generated code over the
 * navigation values. Expressions inside a navigation or aggregate over one row ({@code LAST(A.price * A.tax)})
 * become derived columns computed once per input row.
 */
public final class MatchTranslator {
    private final CodeGenerator codegen;
    private final boolean streaming;
    private final io.sluice.runtime.config.Configuration config;

    public MatchTranslator(CodeGenerator codegen, io.sluice.runtime.config.Configuration config) {
        this.codegen = codegen;
        this.config = config;
        this.streaming = config.get(io.sluice.runtime.config.ExecutionOptions.RUNTIME_MODE)
                == io.sluice.runtime.config.RuntimeMode.STREAMING;
    }

    /** The operator for {@code match}, whose input translated to {@code input}. */
    public Transformation translate(Match match, Transformation input) {
        if (streaming) {
            JobGraphGenerator.requireInsertOnlyInput(input, "MATCH_RECOGNIZE");
        }
        if (match.isAllRows()) {
            throw new TableException("All rows per match mode is not supported yet.");
        }
        if (!match.getSubsets().isEmpty()) {
            throw new UnsupportedFeatureException("SUBSET in MATCH_RECOGNIZE");
        }
        if (match.isStrictStart() || match.isStrictEnd()) {
            throw new UnsupportedFeatureException("the anchors ^ and $ in a MATCH_RECOGNIZE pattern");
        }
        RelNode in = match.getInput();
        RowType inputType = JobGraphGenerator.rowType(in);
        List<String> ambiguous = new ArrayList<>();
        for (int k : match.getPartitionKeys()) {
            if (match.getMeasures().containsKey(inputType.name(k))) {
                ambiguous.add(inputType.name(k));
            }
        }
        if (!ambiguous.isEmpty()) {
            throw new ValidationException("Columns ambiguously defined: {" + String.join(", ", ambiguous) + "}");
        }
        List<RelFieldCollation> order = match.getOrderKeys().getFieldCollations();
        int timeColumn = order.isEmpty() ? -1 : order.get(0).getFieldIndex();
        boolean rowtime = checkTimeOrder(in, inputType, order);
        int[] sortColumns = new int[order.size() - 1];
        boolean[] sortDescending = new boolean[sortColumns.length];
        for (int i = 1; i < order.size(); i++) {
            sortColumns[i - 1] = order.get(i).getFieldIndex();
            sortDescending[i - 1] = order.get(i).getDirection().isDescending();
        }

        List<PatternElement> pattern = MatchPattern.elements(match.getPattern());
        Map<String, Integer> elements = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            elements.put(pattern.get(i).variable(), i);
        }
        AfterMatchSkip skip = afterMatch(match.getAfter(), elements);
        long within = within(match.getInterval());

        RelDataTypeFactory types = match.getCluster().getTypeFactory();
        Navigations derivedCollector = new Navigations(in.getRowType(), elements, timeColumn, types, null,
                new io.sluice.codegen.udf.AggregateInvokerGenerator(config));
        List<Navigations> defineNavs = new ArrayList<>();
        List<RexNode> defineExprs = new ArrayList<>();
        for (PatternElement e : pattern) {
            RexNode def = match.getPatternDefinitions().get(e.variable());
            if (def == null || def.isAlwaysTrue()) {
                defineNavs.add(null);
                defineExprs.add(null);
                continue;
            }
            Navigations navs = new Navigations(in.getRowType(), elements, timeColumn, types, derivedCollector, null);
            defineExprs.add(def.accept(navs));
            defineNavs.add(navs);
        }
        Navigations measureNavs = new Navigations(in.getRowType(), elements, timeColumn, types, derivedCollector, null);
        List<RexNode> projects = new ArrayList<>();
        int[] partitionKeys = match.getPartitionKeys().toArray();
        for (int k : partitionKeys) {
            projects.add(measureNavs.keyColumn(k));
        }
        for (Map.Entry<String, RexNode> m : match.getMeasures().entrySet()) {
            projects.add(m.getValue().accept(measureNavs));
        }

        GeneratedClass<BatchCalc> derived = derivedCollector.derived.isEmpty() ? null
                : codegen.generateCalc("MATCH_RECOGNIZE derived columns", in.getRowType(), null,
                        derivedCollector.derived);
        List<String> storedNames = new ArrayList<>(inputType.names());
        List<LogicalType> storedTypes = new ArrayList<>(inputType.types());
        for (int i = 0; i < derivedCollector.derived.size(); i++) {
            storedNames.add("$derived" + i);
            storedTypes.add(RelTypes.toLogicalType(derivedCollector.derived.get(i).getType()));
        }
        RowType storedType = new RowType(storedNames, storedTypes);
        List<DefineCondition> conditions = compileConditions(pattern, defineNavs, defineExprs);
        RelDataType measureNavType = measureNavs.rowType();
        RowType outputType = JobGraphGenerator.rowType(match);
        GeneratedClass<BatchCalc> measures = codegen.generateCalc("MATCH_RECOGNIZE MEASURES", measureNavType, null,
                projects);
        MatchSpec spec = new MatchSpec(inputType, partitionKeys, timeColumn, rowtime, sortColumns,
                sortDescending, pattern, skip, within, derived, storedType, conditions, measureNavs.navigations,
                RelTypes.toRowType(measureNavType), measures, outputType, derivedCollector.userAggregates);
        String name = MatchPattern.describe(match, inputType, pattern, skip, within);
        InputPartitioning partitioning = partitionKeys.length == 0 ? InputPartitioning.single()
                : InputPartitioning.hash(partitionKeys);
        return new OperatorTransformation(name, List.of(input), () -> new MatchRecognizeOperator(spec, null),
                outputType).withInputPartitioning(0, partitioning).withChangelogMode(ChangelogMode.insertOnly());
    }

    /** Generates the predicate of each DEFINE condition over its navigation row (null: the element has none). */
    private List<DefineCondition> compileConditions(List<PatternElement> pattern, List<Navigations> navigations,
            List<RexNode> expressions) {
        List<DefineCondition> conditions = new ArrayList<>();
        for (int i = 0; i < pattern.size(); i++) {
            Navigations navs = navigations.get(i);
            if (navs == null) {
                conditions.add(null);
                continue;
            }
            RelDataType navType = navs.rowType();
            conditions.add(new DefineCondition(navs.navigations, RelTypes.toRowType(navType),
                    codegen.generatePredicate("MATCH_RECOGNIZE DEFINE " + pattern.get(i).variable(), navType,
                            expressions.get(i))));
        }
        return conditions;
    }

    /**
     * Checks Flink's rules for the ORDER BY of a MATCH_RECOGNIZE: first an ascending time attribute (in batch mode,
     * any TIMESTAMP column); returns whether rows wait for the watermark (event time) or are matched on arrival.
     */
    private boolean checkTimeOrder(RelNode in, RowType inputType, List<RelFieldCollation> order) {
        if (order.isEmpty()) {
            throw new TableException("You must specify either rowtime or proctime for order by.");
        }
        RelFieldCollation first = order.get(0);
        int timeColumn = first.getFieldIndex();
        boolean proctime = TimeAttributes.isProctime(in, timeColumn);
        // a rowtime attribute, or an event-time window's time passed through a window aggregation's keys
        boolean rowtime = !proctime && TimeAttributes.isTimeAttribute(in, timeColumn);
        LogicalType timeType = inputType.type(timeColumn);
        boolean timestamp = timeType.root() == io.sluice.runtime.types.TypeRoot.TIMESTAMP
                || timeType.root() == io.sluice.runtime.types.TypeRoot.TIMESTAMP_LTZ;
        if (streaming ? !rowtime && !proctime : !timestamp) {
            throw new TableException("You must specify either rowtime or proctime for order by as the first one.");
        }
        if (first.getDirection() != RelFieldCollation.Direction.ASCENDING) {
            throw new TableException("Primary sort order of a streaming table must be ascending on time.");
        }
        return streaming ? rowtime : true;
    }

    /** Whether output field {@code field} of {@code match} is a MATCH_ROWTIME() measure (a rowtime attribute). */
    static boolean isMatchRowtime(Match match, int field) {
        int keys = match.getPartitionKeys().cardinality();
        if (field < keys) {
            return false;
        }
        RexNode m = new ArrayList<>(match.getMeasures().values()).get(field - keys);
        while (m instanceof RexCall c && (c.getKind() == SqlKind.FINAL || c.getKind() == SqlKind.RUNNING)) {
            m = c.getOperands().get(0);
        }
        return m instanceof RexCall c && c.getOperator().getName().equalsIgnoreCase("MATCH_ROWTIME");
    }

    private static AfterMatchSkip afterMatch(RexNode after, Map<String, Integer> elements) {
        if (after instanceof RexCall call) {
            String var = ((RexLiteral) call.getOperands().get(0)).getValueAs(String.class);
            Integer e = elements.get(var);
            if (e == null) {
                throw new ValidationException("Unknown pattern variable '" + var + "' in AFTER MATCH SKIP");
            }
            return new AfterMatchSkip(call.getKind() == SqlKind.SKIP_TO_FIRST ? AfterMatchSkip.Kind.TO_FIRST
                    : AfterMatchSkip.Kind.TO_LAST, e);
        }
        String option = String.valueOf(((RexLiteral) after).getValue());
        return option.contains("NEXT") ? AfterMatchSkip.toNextRow() : AfterMatchSkip.pastLastRow();
    }

    private static long within(RexNode interval) {
        if (interval == null) {
            return 0;
        }
        if (!(interval instanceof RexLiteral) || !SqlTypeFamily.INTERVAL_DAY_TIME.contains(interval.getType())) {
            throw new TableException("Only constant intervals with millisecond resolution are supported as time"
                    + " constraints of patterns.");
        }
        return ((RexLiteral) interval).getValueAs(BigDecimal.class).longValue();
    }

    /**
     * Replaces navigation, aggregate and match-function calls by references to the columns of a navigation row,
     * recording a {@link Navigation} per column.
     */
    private static final class Navigations extends RexShuttle {
        private final RelDataType inputRowType;
        private final Map<String, Integer> elements;
        private final int timeColumn;
        private final RelDataTypeFactory types;
        private final Navigations derivedOwner;
        final List<Navigation> navigations = new ArrayList<>();
        private final List<RelDataType> navTypes = new ArrayList<>();
        private final Map<String, Integer> seen = new LinkedHashMap<>();
        /** Derived columns (only in the owner): expressions over one input row. */
        final List<RexNode> derived = new ArrayList<>();
        private final Map<String, Integer> derivedSeen = new LinkedHashMap<>();
        /** Calls of user-defined aggregate functions (only in the owner). */
        final List<UserAggregateCall> userAggregates = new ArrayList<>();
        private final io.sluice.codegen.udf.AggregateInvokerGenerator invokers;

        Navigations(RelDataType inputRowType, Map<String, Integer> elements, int timeColumn,
                RelDataTypeFactory types, Navigations derivedOwner,
                io.sluice.codegen.udf.AggregateInvokerGenerator invokers) {
            this.invokers = invokers;
            this.inputRowType = inputRowType;
            this.elements = elements;
            this.timeColumn = timeColumn;
            this.types = types;
            this.derivedOwner = derivedOwner;
        }

        RelDataType rowType() {
            RelDataTypeFactory.Builder b = types.builder();
            for (int i = 0; i < navTypes.size(); i++) {
                b.add("nav" + i, navTypes.get(i));
            }
            return b.build();
        }

        RexNode keyColumn(int column) {
            return add(new Navigation(Navigation.Kind.LAST, -1, column, 0, null),
                    inputRowType.getFieldList().get(column).getType());
        }

        private RexNode add(Navigation nav, RelDataType type) {
            RelDataType nullable = types.createTypeWithNullability(type, true);
            Navigation typed = new Navigation(nav.kind(), nav.element(), nav.column(), nav.offset(),
                    RelTypes.toLogicalType(nullable));
            String key = typed.toString();
            Integer index = seen.get(key);
            if (index == null) {
                index = navigations.size();
                navigations.add(typed);
                navTypes.add(nullable);
                seen.put(key, index);
            }
            return new RexInputRef(index, nullable);
        }

        @Override
        public RexNode visitPatternFieldRef(RexPatternFieldRef ref) {
            return add(new Navigation(Navigation.Kind.LAST, element(ref.getAlpha()), ref.getIndex(), 0, null),
                    ref.getType());
        }

        @Override
        public RexNode visitInputRef(RexInputRef ref) {
            return add(new Navigation(Navigation.Kind.LAST, -1, ref.getIndex(), 0, null), ref.getType());
        }

        @Override
        public RexNode visitCall(RexCall call) {
            SqlKind kind = call.getKind();
            String name = call.getOperator().getName().toUpperCase(java.util.Locale.ROOT);
            switch (kind) {
                case FINAL:
                case RUNNING:
                    return call.getOperands().get(0).accept(this);
                case PREV:
                case LAST:
                case FIRST: {
                    int offset = call.getOperands().size() < 2 ? 0
                            : ((RexLiteral) call.getOperands().get(1)).getValueAs(Integer.class);
                    int[] source = source(call.getOperands().get(0), name);
                    Navigation.Kind k = kind == SqlKind.PREV ? Navigation.Kind.PREV
                            : kind == SqlKind.LAST ? Navigation.Kind.LAST : Navigation.Kind.FIRST;
                    return add(new Navigation(k, source[0], source[1], offset, null), call.getType());
                }
                case NEXT:
                    throw new UnsupportedFeatureException("NEXT in MATCH_RECOGNIZE (physical offsets)");
                case CLASSIFIER:
                    return add(new Navigation(Navigation.Kind.CLASSIFIER, -1, -1, 0, null), call.getType());
                case MATCH_NUMBER:
                    throw new UnsupportedFeatureException("MATCH_NUMBER() in MATCH_RECOGNIZE");
                default:
                    break;
            }
            if (name.equals("MATCH_ROWTIME")) {
                int column = timeColumn;
                if (!call.getOperands().isEmpty()) {
                    column = source(call.getOperands().get(0), name)[1];
                }
                return add(new Navigation(Navigation.Kind.MATCH_ROWTIME, -1, column, 0, null), call.getType());
            }
            if (name.equals("MATCH_PROCTIME")) {
                return add(new Navigation(Navigation.Kind.MATCH_PROCTIME, -1, -1, 0, null), call.getType());
            }
            if (call.getOperator() instanceof io.sluice.codegen.udf.AggregateUserSqlFunction udaf) {
                return add(new Navigation(Navigation.Kind.USER_AGGREGATE, -1, userAggregate(udaf, call), 0, null),
                        call.getType());
            }
            if (call.getOperator() instanceof SqlAggFunction) {
                Navigation.Kind k;
                switch (kind) {
                    case SUM:
                        k = Navigation.Kind.SUM;
                        break;
                    case SUM0:
                        k = Navigation.Kind.SUM0;
                        break;
                    case COUNT:
                        k = Navigation.Kind.COUNT;
                        break;
                    case MIN:
                        k = Navigation.Kind.MIN;
                        break;
                    case MAX:
                        k = Navigation.Kind.MAX;
                        break;
                    case AVG:
                        k = Navigation.Kind.AVG;
                        break;
                    default:
                        throw new UnsupportedFeatureException("aggregate function " + name + " in MATCH_RECOGNIZE");
                }
                if (call.getOperands().size() > 1) {
                    throw new UnsupportedFeatureException("aggregate " + name + " with several arguments in"
                            + " MATCH_RECOGNIZE");
                }
                int[] source = call.getOperands().isEmpty() ? new int[] {-1, -1}
                        : source(call.getOperands().get(0), name);
                return add(new Navigation(k, source[0], source[1], 0, null), call.getType());
            }
            return super.visitCall(call);
        }

        /**
         * An aggregate operand without the {@code LAST(x, 0)} (or {@code PREV(x, 0)}, {@code RUNNING}, {@code FINAL})
         * Calcite's validator wraps around column references it does not see as aggregate arguments.
         */
        private static RexNode plainOperand(RexNode operand) {
            while (operand instanceof RexCall c) {
                SqlKind k = c.getKind();
                if (k == SqlKind.RUNNING || k == SqlKind.FINAL) {
                    operand = c.getOperands().get(0);
                } else if ((k == SqlKind.LAST || k == SqlKind.PREV) && c.getOperands().size() == 2
                        && c.getOperands().get(1) instanceof RexLiteral lit
                        && lit.getValueAs(Integer.class) == 0) {
                    operand = c.getOperands().get(0);
                } else {
                    break;
                }
            }
            return operand;
        }

        /** Registers a call of a user-defined aggregate function with the owner; returns its index. */
        private int userAggregate(io.sluice.codegen.udf.AggregateUserSqlFunction udaf, RexCall call) {
            String name = udaf.getName();
            int element = -2;
            int[] columns = new int[call.getOperands().size()];
            List<LogicalType> argTypes = new ArrayList<>();
            for (int i = 0; i < columns.length; i++) {
                RexNode operand = plainOperand(call.getOperands().get(i));
                int[] source = source(operand, name);
                if (element != -2 && source[0] != element) {
                    throw new ValidationException("Aggregation " + name + " must be applied to a single pattern"
                            + " variable: " + call);
                }
                element = source[0];
                columns[i] = source[1];
                argTypes.add(RelTypes.toLogicalType(operand.getType()));
            }
            Navigations owner = derivedOwner == null ? this : derivedOwner;
            owner.userAggregates.add(new UserAggregateCall(element == -2 ? -1 : element, columns, argTypes,
                    owner.invokers.generate("MATCH_RECOGNIZE " + call, udaf.function(), argTypes)));
            return owner.userAggregates.size() - 1;
        }

        private int element(String alpha) {
            Integer e = elements.get(alpha);
            return e == null ? -1 : e; // the table's name or '*': every row of the match
        }

        /**
         * {element, column} of the rows an expression inside a navigation or aggregate reads: a field of one
         * pattern variable, or an expression over fields of one variable (a derived column).
         */
        private int[] source(RexNode expr, String function) {
            if (expr instanceof RexPatternFieldRef ref) {
                return new int[] {element(ref.getAlpha()), ref.getIndex()};
            }
            List<String> alphas = new ArrayList<>();
            RexNode rewritten = expr.accept(new RexShuttle() {
                @Override
                public RexNode visitPatternFieldRef(RexPatternFieldRef ref) {
                    if (!alphas.contains(ref.getAlpha())) {
                        alphas.add(ref.getAlpha());
                    }
                    return new RexInputRef(ref.getIndex(), ref.getType());
                }

                @Override
                public RexNode visitCall(RexCall call) {
                    if (call.getKind() == SqlKind.PREV || call.getKind() == SqlKind.LAST
                            || call.getKind() == SqlKind.FIRST || call.getOperator() instanceof SqlAggFunction) {
                        throw new UnsupportedFeatureException("nested navigation or aggregation (" + function
                                + " over " + call.getOperator().getName() + ") in MATCH_RECOGNIZE");
                    }
                    return super.visitCall(call);
                }
            });
            if (alphas.size() > 1) {
                throw new ValidationException("Aggregation or navigation " + function + " must be applied to a"
                        + " single pattern variable, but '" + expr + "' refers to " + alphas);
            }
            Navigations owner = derivedOwner == null ? this : derivedOwner;
            String key = rewritten.toString();
            Integer index = owner.derivedSeen.get(key);
            if (index == null) {
                index = owner.derived.size();
                owner.derived.add(rewritten);
                owner.derivedSeen.put(key, index);
            }
            int element = alphas.isEmpty() ? -1 : element(alphas.get(0));
            return new int[] {element, inputRowType.getFieldCount() + index};
        }
    }
}
