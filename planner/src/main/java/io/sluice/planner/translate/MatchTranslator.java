package io.sluice.planner.translate;

import io.sluice.codegen.CodeGenerator;
import io.sluice.codegen.RelTypes;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.match.AfterMatchSkip;
import io.sluice.runtime.operator.match.DefineCondition;
import io.sluice.runtime.operator.match.MatchRecognizeOperator;
import io.sluice.runtime.operator.match.MatchSpec;
import io.sluice.runtime.operator.match.Navigation;
import io.sluice.runtime.operator.match.PatternElement;
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
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
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

    /**
     * The operator for {@code match}, whose input translated to {@code input} (insert-only in streaming mode). The
     * caller distributes the input by the partition keys and sets the output's changelog mode (insert-only).
     */
    public Transformation translate(Match match, Transformation input) {
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
        MatchNavigations derivedCollector = new MatchNavigations(in.getRowType(), elements, timeColumn, types, null,
                new io.sluice.codegen.udf.AggregateInvokerGenerator(config));
        List<MatchNavigations> defineNavs = new ArrayList<>();
        List<RexNode> defineExprs = new ArrayList<>();
        for (PatternElement e : pattern) {
            RexNode def = match.getPatternDefinitions().get(e.variable());
            if (def == null || def.isAlwaysTrue()) {
                defineNavs.add(null);
                defineExprs.add(null);
                continue;
            }
            MatchNavigations navs = new MatchNavigations(in.getRowType(), elements, timeColumn, types,
                    derivedCollector, null);
            defineExprs.add(def.accept(navs));
            defineNavs.add(navs);
        }
        MatchNavigations measureNavs = new MatchNavigations(in.getRowType(), elements, timeColumn, types,
                derivedCollector, null);
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
        OperatorTransformation operator = new OperatorTransformation(name, List.of(input),
                () -> new MatchRecognizeOperator(spec, null), outputType);
        return rowtime ? operator.withLateRowOutput() : operator;
    }

    /** Generates the predicate of each DEFINE condition over its navigation row (null: the element has none). */
    private List<DefineCondition> compileConditions(List<PatternElement> pattern, List<MatchNavigations> navigations,
            List<RexNode> expressions) {
        List<DefineCondition> conditions = new ArrayList<>();
        for (int i = 0; i < pattern.size(); i++) {
            MatchNavigations navs = navigations.get(i);
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
}
