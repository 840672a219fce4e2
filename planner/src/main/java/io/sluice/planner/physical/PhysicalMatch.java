package io.sluice.planner.physical;

import io.sluice.planner.translate.MatchTranslator;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.graph.InputPartitioning;
import io.sluice.runtime.graph.Transformation;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Match;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * {@code MATCH_RECOGNIZE}: a {@code MatchRecognizeOperator} ({@link MatchTranslator}) runs an NFA per partition key
 * over the rows in time order and emits one row per match. Its input is hash-distributed on the {@code PARTITION BY}
 * keys (one instance without them) and must be insert-only in streaming mode; the output is insert-only. Keeps each
 * key's buffered rows and partial matches; ordered by a rowtime attribute, rows wait for the watermark and late
 * rows go to the late-rows side output. Both modes.
 */
public final class PhysicalMatch extends Match implements PhysicalRel {
    PhysicalMatch(RelOptCluster cluster, RelTraitSet traits, RelNode input, RelDataType rowType, RexNode pattern,
            boolean strictStart, boolean strictEnd, Map<String, RexNode> patternDefinitions,
            Map<String, RexNode> measures, RexNode after, Map<String, ? extends SortedSet<String>> subsets,
            boolean allRows, ImmutableBitSet partitionKeys, RelCollation orderKeys, RexNode interval) {
        super(cluster, traits, input, rowType, pattern, strictStart, strictEnd, patternDefinitions, measures, after,
                subsets, allRows, partitionKeys, orderKeys, interval);
    }

    /** The physical form of {@code match}. */
    static PhysicalMatch of(Match match, RelTraitSet traits) {
        return new PhysicalMatch(match.getCluster(), traits, match.getInput(), match.getRowType(),
                match.getPattern(), match.isStrictStart(), match.isStrictEnd(), match.getPatternDefinitions(),
                match.getMeasures(), match.getAfter(), match.getSubsets(), match.isAllRows(),
                match.getPartitionKeys(), match.getOrderKeys(), match.getInterval());
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new PhysicalMatch(getCluster(), traitSet, sole(inputs), getRowType(), pattern, strictStart, strictEnd,
                patternDefinitions, measures, after, subsets, allRows, partitionKeys, orderKeys, interval);
    }

    @Override
    public String insertOnlyInputRequired(int input) {
        return "MATCH_RECOGNIZE";
    }

    @Override
    public ChangelogMode outputChangelogMode(List<ChangelogMode> inputModes, TranslationContext context) {
        return ChangelogMode.insertOnly();
    }

    @Override
    public InputPartitioning requiredDistribution(int input) {
        return partitionKeys.isEmpty() ? InputPartitioning.single() : InputPartitioning.hash(partitionKeys.toArray());
    }

    @Override
    public boolean isStateful() {
        return true;
    }

    @Override
    public Transformation translateToPlan(TranslationContext context, List<Transformation> inputs) {
        return new MatchTranslator(context.codegen(), context.config()).translate(this, inputs.get(0));
    }
}
