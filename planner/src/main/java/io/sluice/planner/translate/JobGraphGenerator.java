package io.sluice.planner.translate;

import io.sluice.codegen.CodeGenerator;
import io.sluice.codegen.RelTypes;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.planner.physical.ChangelogInference;
import io.sluice.planner.physical.PhysicalPlanConverter;
import io.sluice.planner.physical.PhysicalRel;
import io.sluice.planner.physical.PhysicalRules;
import io.sluice.planner.physical.SortKeys;
import io.sluice.planner.physical.TranslationContext;
import io.sluice.planner.rel.WatermarkAssigner;
import io.sluice.planner.schema.ConnectorTable;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.config.RuntimeMode;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSourceFactory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.OperatorTransformation;
import io.sluice.runtime.graph.Transformation;
import io.sluice.runtime.operator.join.HashJoinOperator;
import io.sluice.runtime.operator.join.JoinType;
import io.sluice.runtime.operator.join.NestedLoopJoinOperator;
import io.sluice.runtime.operator.join.StreamingJoinOperator;
import io.sluice.runtime.operator.over.BoundKind;
import io.sluice.runtime.operator.over.FrameBound;
import io.sluice.runtime.operator.over.OverFunctionKind;
import io.sluice.runtime.operator.over.OverFunctionSpec;
import io.sluice.runtime.operator.over.OverGroupSpec;
import io.sluice.runtime.operator.over.OverWindowOperator;
import io.sluice.runtime.operator.over.StreamingOverAggregateOperator;
import io.sluice.runtime.operator.sort.SortKey;
import io.sluice.runtime.operator.setop.MultisetOperator;
import io.sluice.runtime.operator.watermark.WatermarkAssignerOperator;
import io.sluice.runtime.operator.window.SessionWindowOperator;
import io.sluice.runtime.operator.window.WindowTableFunctionOperator;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.sql.SqlKind;

/**
 * Translates an optimized logical plan into runtime {@link Transformation}s: each plan node becomes
 * one operator with its expressions compiled by {@link CodeGenerator}. Columns a query does not use
 * are not read from the source (projection push-down into the scan).
 */
public final class JobGraphGenerator implements TranslationContext {
    private final CodeGenerator codegen;
    private final Configuration config;
    private final ClassLoader classLoader;
    private final Map<RelNode, Transformation> translated = new IdentityHashMap<>();
    private final boolean streaming;
    /** Scans whose source emits its own watermarks (transformation sources), for {@code SOURCE_WATERMARK()}. */
    private final java.util.Set<Transformation> sourceWatermarkScans =
            java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<RelNode, ScanTableSource> sources = new IdentityHashMap<>();
    private final PhysicalPlanConverter converter;
    private final ChangelogInference changelogs = new ChangelogInference(this);

    public JobGraphGenerator(CodeGenerator codegen, Configuration config, ClassLoader classLoader) {
        this.codegen = codegen;
        this.config = config;
        this.classLoader = classLoader;
        this.streaming = config.get(ExecutionOptions.RUNTIME_MODE) == RuntimeMode.STREAMING;
        this.converter = new PhysicalPlanConverter(PhysicalRules.forMode(streaming));
    }

    /**
     * The transformation producing {@code rel}'s rows (shared when the same node is reached twice): the node is
     * converted by {@link PhysicalRules} and translated by its physical node; a node no rule converts yet goes
     * through {@link #translateUnmigrated}.
     */
    @Override
    public Transformation translate(RelNode rel) {
        Transformation t = translated.get(rel);
        if (t == null) {
            RelNode node = converter.convert(rel);
            t = translated.get(node);
            if (t == null) {
                t = node instanceof PhysicalRel ? translatePhysical((PhysicalRel) node) : translateUnmigrated(node);
                translated.put(node, t);
            }
            translated.put(rel, t);
        }
        return t;
    }

    /** A physical node's transformation, with the input distributions and the changelog mode it declares. */
    private Transformation translatePhysical(PhysicalRel node) {
        List<Transformation> inputs = new ArrayList<>();
        node.getInputs().forEach(i -> inputs.add(translate(i)));
        ChangelogMode mode = changelogs.infer(node);
        Transformation t = node.translateToPlan(this, inputs);
        if (inputs.stream().anyMatch(i -> i == t)) {
            return t; // no operator of its own
        }
        for (int i = 0; i < inputs.size(); i++) {
            InputPartitioning distribution = node.requiredDistribution(i);
            if (distribution.kind() != InputPartitioning.Kind.FORWARD) {
                t.withInputPartitioning(i, distribution);
            }
        }
        return t.withChangelogMode(mode);
    }

    /**
     * The fallback for logical nodes not yet migrated to the physical layer: an {@code instanceof} dispatch to the
     * translation code of each.
     */
    private Transformation translateUnmigrated(RelNode rel) {
        Transformation t = doTranslate(rel);
        if (streaming && !(rel instanceof io.sluice.planner.rel.TemporalJoin)) { // its mode is the left input's
            inferChangelogMode(t);
        }
        return t;
    }

    @Override
    public CodeGenerator codegen() {
        return codegen;
    }

    @Override
    public Configuration config() {
        return config;
    }

    @Override
    public boolean isStreaming() {
        return streaming;
    }

    @Override
    public ChangelogMode changelogMode(RelNode rel) {
        return changelogs.infer(converter.convert(rel));
    }

    @Override
    public ScanTableSource source(RelNode scan, ConnectorTable table) {
        return sources.computeIfAbsent(scan, s -> createSource(table));
    }

    @Override
    public void markSourceWatermarks(Transformation scan) {
        sourceWatermarkScans.add(scan);
    }

    /**
     * Streaming analysis: a node emits at least the row kinds its inputs emit (stateless nodes pass
     * them on; stateful ones retract what they emitted before). Nodes that create updates themselves
     * (a group aggregate, an outer join) set their mode when they are translated.
     */
    private static void inferChangelogMode(Transformation t) {
        ChangelogMode mode = t.changelogMode();
        for (Transformation in : t.inputs()) {
            mode = mode.union(in.changelogMode());
        }
        t.withChangelogMode(mode);
    }

    /** In streaming mode, fails when an input of a node that only handles inserts produces updates. */
    private void requireInsertOnly(Transformation input, String what) {
        if (streaming) {
            requireInsertOnlyInput(input, what);
        }
    }

    /** Fails with "not supported yet: {@code what} over an updating input" when {@code input} emits updates. */
    static void requireInsertOnlyInput(Transformation input, String what) {
        if (input.changelogMode().hasUpdates()) {
            throw new UnsupportedFeatureException(what + " over an updating input (produced by "
                    + input.updateProducer().name() + ")");
        }
    }

    private Transformation doTranslate(RelNode rel) {
        if (rel instanceof Join) {
            return translateJoin((Join) rel);
        } else if (rel instanceof Window) {
            return translateWindow((Window) rel);
        } else if (rel instanceof WatermarkAssigner) {
            return translateWatermarkAssigner((WatermarkAssigner) rel);
        } else if (rel instanceof io.sluice.planner.rel.TemporalJoin || rel instanceof org.apache.calcite.rel.core.Snapshot) {
            return new TemporalJoinTranslator(this, codegen, streaming).translate(rel);
        } else if (rel instanceof org.apache.calcite.rel.core.Match) {
            return new MatchTranslator(codegen, config).translate((org.apache.calcite.rel.core.Match) rel,
                    translate(rel.getInput(0)));
        } else if (rel instanceof org.apache.calcite.rel.core.Uncollect) {
            return new UnnestTranslator(this).translate((org.apache.calcite.rel.core.Uncollect) rel);
        } else if (rel instanceof org.apache.calcite.rel.core.Correlate) {
            return new CorrelateTranslator(this, config).translate((org.apache.calcite.rel.core.Correlate) rel);
        } else if (rel instanceof TableFunctionScan && WindowColumns.isWindowFunction((TableFunctionScan) rel)) {
            return translateWindowTableFunction((TableFunctionScan) rel);
        }
        if (rel instanceof org.apache.calcite.rel.core.Intersect || rel instanceof org.apache.calcite.rel.core.Minus) {
            return translateMultisetOperation((org.apache.calcite.rel.core.SetOp) rel);
        }
        throw new UnsupportedFeatureException("plan node " + rel.getRelTypeName() + ":\n" + RelOptUtil.toString(rel));
    }

    static RowType rowType(RelNode rel) {
        return RelTypes.toRowType(rel.getRowType());
    }

    // ---------------------------------------------------------------- scans

    /** The source of a connector table (an inline source, or one created by its connector's factory). */
    public ScanTableSource createSource(ConnectorTable table) {
        CatalogTable ct = table.table();
        if (ct.inlineSource() != null) {
            return ct.inlineSource();
        }
        String connector = ct.options().get(FactoryUtil.CONNECTOR.key());
        if (connector == null) {
            throw new ValidationException("Table " + table.identifier()
                    + " has no 'connector' option; declare it in WITH ('connector' = '...', ...).");
        }
        DynamicTableSourceFactory factory = FactoryUtil.discover(DynamicTableSourceFactory.class, connector, classLoader);
        FactoryUtil.validateOptions(table.identifier().toString(), factory, ct.options(), classLoader);
        ScanTableSource source = factory.createDynamicTableSource(new TableContext(table.identifier().toString(),
                ct.physicalRowType(), io.sluice.runtime.connector.BadRecords.withoutTableOption(ct.options()), config,
                ct.partitionKeys(), ct.primaryKey()));
        SourceMetadata.apply(source, ct, table.identifier().toString());
        return source;
    }

    // ---------------------------------------------------------------- watermarks

    /** Streaming: a {@link WatermarkAssignerOperator}; batch mode ignores watermarks. */
    private Transformation translateWatermarkAssigner(WatermarkAssigner assigner) {
        Transformation in = translate(assigner.getInput());
        if (assigner.isSourceWatermark()) {
            Transformation t = in;
            while (!sourceWatermarkScans.contains(t) && t.inputs().size() == 1) {
                t = t.inputs().get(0);
            }
            if (!sourceWatermarkScans.contains(t)) {
                throw new ValidationException("SOURCE_WATERMARK() needs a source that emits watermarks itself (a table"
                        + " converted from a DataStream); the source of " + in.name() + " does not.");
            }
            return in;
        }
        if (!streaming) {
            return in;
        }
        RexNode watermark = expand(assigner.getCluster().getRexBuilder(), assigner.watermarkExpression());
        LogicalType type = RelTypes.toLogicalType(watermark.getType());
        if (type.root() != io.sluice.runtime.types.TypeRoot.TIMESTAMP
                && type.root() != io.sluice.runtime.types.TypeRoot.TIMESTAMP_LTZ) {
            throw new ValidationException("The watermark expression must return TIMESTAMP(3) or TIMESTAMP_LTZ(3), but "
                    + watermark + " returns " + type + ".");
        }
        if (WatermarkPushDown.tryPush(assigner, watermark, type, in, codegen)) {
            return in; // the source's readers emit the watermarks (e.g. one per Kafka partition)
        }
        String rowtime = assigner.getInput().getRowType().getFieldNames().get(assigner.rowtimeField());
        String name = "WatermarkAssigner(rowtime=[" + rowtime + "], watermark=[" + watermark + "])";
        GeneratedClass<BatchCalc> calc = codegen.generateCalc(name, assigner.getInput().getRowType(), null,
                List.of(watermark));
        return new OperatorTransformation(name, List.of(in), () -> new WatermarkAssignerOperator(calc, type),
                rowType(assigner));
    }

    // ---------------------------------------------------------------- window table functions

    /** {@code TABLE(TUMBLE|HOP|CUMULATE(TABLE t, DESCRIPTOR(ts), ...))}: appends the window columns. */
    private Transformation translateWindowTableFunction(TableFunctionScan scan) {
        Transformation in = translate(scan.getInputs().get(0));
        requireInsertOnly(in, "a window table function");
        RowType inputType = rowType(scan.getInputs().get(0));
        RowType outputType = rowType(scan);
        RexCall call = (RexCall) scan.getCall();
        int timeField = WindowColumns.timeField(call);
        if (streaming && !TimeAttributes.isTimeAttribute(scan.getInputs().get(0), timeField)) {
            throw new io.sluice.table.api.ValidationException("The window function requires the timecol is a time "
                    + "attribute type, but is " + io.sluice.codegen.RelTypes.toLogicalType(
                            scan.getInputs().get(0).getRowType().getFieldList().get(timeField).getType()).typeName()
                    + ".");
        }
        if (WindowColumns.isSession(call)) {
            int[] keys = WindowColumns.sessionKeys(call);
            long gap = WindowColumns.sessionGap(call);
            String name = "WindowTableFunction(window=[SESSION(gap=[" + gap + " ms]"
                    + (keys.length == 0 ? "" : ", partition keys=[" + String.join(", ",
                            java.util.Arrays.stream(keys).mapToObj(inputType::name).toList()) + "]")
                    + ")], time_col=[" + inputType.name(timeField) + "])";
            return new OperatorTransformation(name, List.of(in),
                    () -> new SessionWindowOperator(inputType, timeField, gap, keys, outputType), outputType)
                    .withLateRowOutput().withInputPartitioning(0, InputPartitioning.hash(keys));
        }
        io.sluice.runtime.operator.window.WindowSpec spec = WindowColumns.spec(call);
        String name = "WindowTableFunction(window=[" + spec + "], time_col=[" + inputType.name(timeField) + "])";
        return new OperatorTransformation(name, List.of(in),
                () -> new WindowTableFunctionOperator(inputType, timeField, spec, outputType), outputType);
    }

    // ---------------------------------------------------------------- calc

    /** Expands Calcite's SEARCH (ranges / IN lists) into plain comparisons for code generation. */
    private static RexNode expand(RexBuilder rexBuilder, RexNode node) {
        return RexUtil.expandSearch(rexBuilder, null, node);
    }

    // ---------------------------------------------------------------- join

    private Transformation translateJoin(Join join) {
        JoinType type = joinType(join.getJoinType());
        RelNode left = join.getLeft();
        RelNode right = join.getRight();
        Transformation l = translate(left);
        Transformation r = translate(right);
        Transformation windowJoin = streaming ? new WindowJoinTranslator(codegen).translate(join, l, r) : null;
        if (windowJoin != null) {
            return windowJoin;
        }
        Transformation interval = streaming ? new IntervalJoinTranslator(codegen).translate(join, l, r) : null;
        if (interval != null) {
            return interval;
        }
        RowType leftType = rowType(left);
        RowType rightType = rowType(right);
        RowType outputType = rowType(join);
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<Boolean> filterNulls = new ArrayList<>();
        List<RexNode> nonEqui = new ArrayList<>();
        RelOptUtil.splitJoinCondition(left, right, join.getCondition(), leftKeys, rightKeys, filterNulls, nonEqui);
        RexBuilder rexBuilder = join.getCluster().getRexBuilder();
        RexNode rest = RexUtil.composeConjunction(rexBuilder, nonEqui);
        boolean hasResidual = !rest.isAlwaysTrue();
        org.apache.calcite.rel.type.RelDataType pairType = join.getCluster().getTypeFactory().builder()
                .addAll(left.getRowType().getFieldList()).addAll(right.getRowType().getFieldList())
                .uniquify().build();
        String cond = join.getCondition().toString();
        if (!leftKeys.isEmpty() && !JoinConditions.keyTypesMatch(leftType, rightType, leftKeys, rightKeys)) {
            // keys of different physical types (e.g. DECIMAL scales) are compared by the generated condition
            leftKeys.clear();
            rightKeys.clear();
        }
        if (!leftKeys.isEmpty()) {
            int[] lk = leftKeys.stream().mapToInt(Integer::intValue).toArray();
            int[] rk = rightKeys.stream().mapToInt(Integer::intValue).toArray();
            boolean[] nullSafe = new boolean[lk.length];
            for (int i = 0; i < nullSafe.length; i++) {
                nullSafe[i] = !filterNulls.get(i);
            }
            GeneratedClass<BatchPredicate> residual = hasResidual
                    ? codegen.generatePredicate("join residual " + rest, pairType, expand(rexBuilder, rest)) : null;
            if (streaming) {
                ChangelogMode mode = type == JoinType.INNER || type == JoinType.SEMI
                        ? l.changelogMode().union(r.changelogMode()) : ChangelogMode.all();
                String name = "Join(joinType=[" + type + "], where=[" + cond + "], leftInputSpec=[NoUniqueKey],"
                        + " rightInputSpec=[NoUniqueKey])";
                return new OperatorTransformation(name, List.of(l, r),
                        () -> new StreamingJoinOperator(type, leftType, rightType, lk, rk, nullSafe, residual, outputType),
                        outputType).withInputPartitioning(0, InputPartitioning.hash(lk))
                        .withInputPartitioning(1, InputPartitioning.hash(rk)).withChangelogMode(mode);
            }
            String name = "HashJoin(joinType=[" + type + "], where=[" + cond + "], build=[right])";
            return new OperatorTransformation(name, List.of(l, r),
                    () -> new HashJoinOperator(type, leftType, rightType, lk, rk, nullSafe, residual, outputType),
                    outputType, new int[] {1, 0}).withInputPartitioning(0, InputPartitioning.hash(lk))
                    .withInputPartitioning(1, InputPartitioning.hash(rk));
        }
        if (streaming) {
            throw new UnsupportedFeatureException("a join without an equality condition in streaming mode (a regular"
                    + " streaming join needs at least one equi-join key): " + cond);
        }
        GeneratedClass<BatchPredicate> condition = join.getCondition().isAlwaysTrue() ? null
                : codegen.generatePredicate("join condition " + cond, pairType, expand(rexBuilder, join.getCondition()));
        String name = "NestedLoopJoin(joinType=[" + type + "], where=[" + cond + "])";
        return new OperatorTransformation(name, List.of(l, r),
                () -> new NestedLoopJoinOperator(type, leftType, rightType, condition, outputType),
                outputType, new int[] {1, 0}).withInputPartitioning(0, InputPartitioning.single())
                .withInputPartitioning(1, InputPartitioning.single());
    }

    private static JoinType joinType(JoinRelType t) {
        JoinType type = JoinConditions.joinType(t);
        if (type == null) {
            throw new UnsupportedFeatureException("join type " + t);
        }
        return type;
    }

    // ---------------------------------------------------------------- sort, union, values


    /** INTERSECT ALL / EXCEPT ALL (the DISTINCT forms are rewritten into aggregates by the optimizer). */
    private Transformation translateMultisetOperation(org.apache.calcite.rel.core.SetOp setOp) {
        boolean intersect = setOp instanceof org.apache.calcite.rel.core.Intersect;
        String what = intersect ? "INTERSECT ALL" : "EXCEPT ALL";
        if (!setOp.all || setOp.getInputs().size() != 2) {
            throw new UnsupportedFeatureException(what + " over " + setOp.getInputs().size() + " inputs");
        }
        if (streaming) {
            throw new UnsupportedFeatureException(what + " in streaming mode");
        }
        Transformation l = translate(setOp.getInput(0));
        Transformation r = translate(setOp.getInput(1));
        RowType type = rowType(setOp);
        MultisetOperator.Kind kind = intersect ? MultisetOperator.Kind.INTERSECT_ALL : MultisetOperator.Kind.EXCEPT_ALL;
        return new OperatorTransformation((intersect ? "IntersectAll" : "ExceptAll") + "(fields=["
                + String.join(", ", type.names()) + "])", List.of(l, r), () -> new MultisetOperator(kind, type), type)
                .withInputPartitioning(0, InputPartitioning.hash(allFields(type.size())))
                .withInputPartitioning(1, InputPartitioning.hash(allFields(type.size())));
    }

    // ---------------------------------------------------------------- over windows

    private Transformation translateWindow(Window window) {
        Transformation in = translate(window.getInput());
        if (streaming && window.groups.size() != 1) {
            throw new UnsupportedFeatureException("OVER windows with different window specifications in one query "
                    + "in streaming mode");
        }
        RowType inputType = rowType(window.getInput());
        RowType outputType = rowType(window);
        int inputFields = inputType.size();
        List<OverGroupSpec> groups = new ArrayList<>();
        int outIndex = inputFields;
        List<String> described = new ArrayList<>();
        for (Window.Group g : window.groups) {
            List<OverFunctionSpec> functions = new ArrayList<>();
            for (Window.RexWinAggCall call : g.aggCalls) {
                List<Integer> args = new ArrayList<>();
                List<Object> constants = new ArrayList<>();
                for (RexNode op : call.getOperands()) {
                    int idx = ((RexInputRef) op).getIndex();
                    if (idx < inputFields) {
                        args.add(idx);
                    } else {
                        RexLiteral lit = window.constants.get(idx - inputFields);
                        constants.add(Literals.toExternal(lit, RelTypes.toLogicalType(lit.getType())));
                    }
                }
                functions.add(new OverFunctionSpec(overKind(call), args.stream().mapToInt(Integer::intValue).toArray(),
                        constants.toArray(), outputType.type(outIndex)));
                described.add(call.getOperator().getName() + " AS " + outputType.name(outIndex));
                outIndex++;
            }
            SortKey[] orderKeys = SortKeys.of(g.orderKeys.getFieldCollations());
            groups.add(new OverGroupSpec(g.keys.toArray(), orderKeys, g.isRows,
                    bound(g.lowerBound, window, inputFields), bound(g.upperBound, window, inputFields), functions));
        }
        if (streaming) {
            // One window ordered by a rowtime attribute (rows fire with the watermark) or a proctime attribute
            // (rows fire on arrival); insert-only in and out.
            requireInsertOnly(in, "an OVER aggregation");
            OverGroupSpec group = groups.get(0);
            SortKey[] order = group.orderKeys();
            boolean rowtime = order.length == 1 && TimeAttributes.isRowtime(window.getInput(), order[0].field());
            boolean proctime = order.length == 1 && !rowtime
                    && TimeAttributes.isProctime(window.getInput(), order[0].field());
            if (!rowtime && !proctime) {
                throw new UnsupportedFeatureException("OVER windows in streaming mode not ordered by a single time "
                        + "attribute (rowtime or proctime)");
            }
            StreamingOverAggregateOperator.checkSupported(inputType, group);
            int[] keys = group.partitionFields();
            String streamName = "OverAggregate(" + (keys.length == 0 ? "" : "partitionBy=[" + String.join(", ",
                    java.util.Arrays.stream(keys).mapToObj(inputType::name).toList()) + "], ")
                    + "orderBy=[" + SortKeys.describe(window.groups.get(0).orderKeys.getFieldCollations(), inputType)
                    + "], window=[" + (group.isRows() ? "ROWS" : "RANGE") + " BETWEEN " + group.lower() + " AND "
                    + group.upper() + "], select=[" + String.join(", ", described) + "])";
            OperatorTransformation over = new OperatorTransformation(streamName, List.of(in),
                    () -> new StreamingOverAggregateOperator(inputType, group, rowtime, outputType), outputType);
            if (rowtime) {
                over.withLateRowOutput();
            }
            return over.withInputPartitioning(0, keys.length == 0 ? InputPartitioning.single()
                            : InputPartitioning.hash(keys));
        }
        String name = "OverAggregate(select=[" + String.join(", ", described) + "])";
        int[] partition = window.groups.get(0).keys.toArray();
        boolean samePartition = window.groups.stream().allMatch(g -> java.util.Arrays.equals(g.keys.toArray(), partition));
        return new OperatorTransformation(name, List.of(in),
                () -> new OverWindowOperator(inputType, groups, outputType), outputType)
                .withInputPartitioning(0, samePartition ? InputPartitioning.hash(partition) : InputPartitioning.single());
    }

    private static int[] allFields(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    private static FrameBound bound(RexWindowBound b, Window window, int inputFields) {
        if (b.isCurrentRow()) {
            return new FrameBound(BoundKind.CURRENT_ROW, null);
        }
        if (b.isUnbounded()) {
            return new FrameBound(b.isPreceding() ? BoundKind.UNBOUNDED_PRECEDING : BoundKind.UNBOUNDED_FOLLOWING, null);
        }
        RexNode offset = b.getOffset();
        RexLiteral lit = offset instanceof RexInputRef
                ? window.constants.get(((RexInputRef) offset).getIndex() - inputFields) : (RexLiteral) offset;
        Object value;
        BigDecimal d = lit.getValueAs(BigDecimal.class);
        if (d == null) {
            throw new UnsupportedFeatureException("window frame offset " + lit);
        }
        value = d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValueExact() : d;
        return new FrameBound(b.isPreceding() ? BoundKind.PRECEDING : BoundKind.FOLLOWING, value);
    }

    private static OverFunctionKind overKind(Window.RexWinAggCall call) {
        SqlKind k = call.getOperator().getKind();
        switch (k) {
            case ROW_NUMBER:
                return OverFunctionKind.ROW_NUMBER;
            case RANK:
                return OverFunctionKind.RANK;
            case DENSE_RANK:
                return OverFunctionKind.DENSE_RANK;
            case PERCENT_RANK:
                return OverFunctionKind.PERCENT_RANK;
            case CUME_DIST:
                return OverFunctionKind.CUME_DIST;
            case NTILE:
                return OverFunctionKind.NTILE;
            case LAG:
                return OverFunctionKind.LAG;
            case LEAD:
                return OverFunctionKind.LEAD;
            case FIRST_VALUE:
                return OverFunctionKind.FIRST_VALUE;
            case LAST_VALUE:
                return OverFunctionKind.LAST_VALUE;
            case COUNT:
                return OverFunctionKind.COUNT;
            case SUM:
                return OverFunctionKind.SUM;
            case SUM0:
                return OverFunctionKind.SUM0;
            case AVG:
                return OverFunctionKind.AVG;
            case MIN:
                return OverFunctionKind.MIN;
            case MAX:
                return OverFunctionKind.MAX;
            default:
                throw new UnsupportedFeatureException("window function " + call.getOperator().getName());
        }
    }
}
