package io.sluice.planner.physical;

import java.util.List;
import org.apache.calcite.rel.convert.ConverterRule;

/**
 * Every rule that turns a logical node into a physical one, in one place. A rule returns null when the node
 * takes another form (a later rule handles it); the first rule
 * that converts a node wins, so more specific rules come first. A rule may also rewrite a node into other logical
 * nodes (pruning the columns an input reads, for example), which are then converted in turn.
 */
public final class PhysicalRules {
    public static final ConverterRule TABLE_SCAN = new PhysicalTableScanRule();
    public static final ConverterRule VALUES = new PhysicalValuesRule();
    public static final ConverterRule UNION = new PhysicalUnionRule();
    public static final ConverterRule STREAM_RANK = new StreamRankRule();
    public static final ConverterRule CALC = new PhysicalCalcRule();
    public static final ConverterRule AGGREGATE_REWRITE = new AggregateRewriteRule();
    public static final ConverterRule STREAM_SESSION_WINDOW_AGGREGATE =
            new AggregateRules.StreamSessionWindowAggregateRule();
    public static final ConverterRule STREAM_WINDOW_AGGREGATE = new AggregateRules.StreamWindowAggregateRule();
    public static final ConverterRule STREAM_GROUP_AGGREGATE = new AggregateRules.StreamGroupAggregateRule();
    public static final ConverterRule BATCH_HASH_AGGREGATE = new AggregateRules.BatchHashAggregateRule();
    public static final ConverterRule STREAM_SORT = new PhysicalSortRule(true);
    public static final ConverterRule BATCH_SORT = new PhysicalSortRule(false);
    public static final ConverterRule STREAM_WINDOW_JOIN = new JoinRules.StreamWindowJoinRule();
    public static final ConverterRule STREAM_INTERVAL_JOIN = new JoinRules.StreamIntervalJoinRule();
    public static final ConverterRule STREAM_JOIN = new JoinRules.StreamJoinRule();
    public static final ConverterRule BATCH_JOIN = new JoinRules.BatchJoinRule();
    public static final ConverterRule STREAM_OVER_AGGREGATE = new PhysicalOverAggregateRule(true);
    public static final ConverterRule BATCH_OVER_AGGREGATE = new PhysicalOverAggregateRule(false);
    public static final ConverterRule WINDOW_TABLE_FUNCTION = new PhysicalWindowTableFunctionRule();
    public static final ConverterRule GROUP_TABLE_AGGREGATE = new PhysicalGroupTableAggregateRule();
    public static final ConverterRule STREAM_WINDOW_TABLE_AGGREGATE = new StreamWindowTableAggregateRule();
    public static final ConverterRule STREAM_MULTISET = new BatchPhysicalMultisetRule(true);
    public static final ConverterRule BATCH_MULTISET = new BatchPhysicalMultisetRule(false);
    public static final ConverterRule WATERMARK_ASSIGNER = new PhysicalWatermarkAssignerRule();
    public static final ConverterRule LOOKUP_JOIN = new TemporalJoinRules.LookupJoinRule();
    public static final ConverterRule STREAM_TEMPORAL_JOIN = new TemporalJoinRules.StreamTemporalJoinRule();
    public static final ConverterRule STREAM_TEMPORAL_REJECT = new TemporalJoinRules.RejectRule(true);
    public static final ConverterRule BATCH_TEMPORAL_REJECT = new TemporalJoinRules.RejectRule(false);
    public static final ConverterRule MATCH = new PhysicalMatchRule();
    public static final ConverterRule UNNEST = new PhysicalUnnestRule();
    public static final ConverterRule CORRELATE = new PhysicalCorrelateRule();

    /** The rules of streaming mode, in the order they are tried. */
    public static final List<ConverterRule> STREAM = List.of(TABLE_SCAN, VALUES, UNION, STREAM_RANK, CALC,
            AGGREGATE_REWRITE, STREAM_SESSION_WINDOW_AGGREGATE, STREAM_WINDOW_AGGREGATE, STREAM_GROUP_AGGREGATE,
            STREAM_SORT, STREAM_WINDOW_JOIN, STREAM_INTERVAL_JOIN, STREAM_JOIN, STREAM_OVER_AGGREGATE,
            WINDOW_TABLE_FUNCTION, STREAM_WINDOW_TABLE_AGGREGATE, GROUP_TABLE_AGGREGATE, STREAM_MULTISET,
            WATERMARK_ASSIGNER, LOOKUP_JOIN, STREAM_TEMPORAL_JOIN, STREAM_TEMPORAL_REJECT, MATCH, UNNEST, CORRELATE);

    /** The rules of batch mode, in the order they are tried. */
    public static final List<ConverterRule> BATCH = List.of(TABLE_SCAN, VALUES, UNION, CALC,
            AGGREGATE_REWRITE, BATCH_HASH_AGGREGATE, BATCH_SORT, BATCH_JOIN, BATCH_OVER_AGGREGATE,
            WINDOW_TABLE_FUNCTION, GROUP_TABLE_AGGREGATE, BATCH_MULTISET, WATERMARK_ASSIGNER, LOOKUP_JOIN,
            BATCH_TEMPORAL_REJECT, MATCH, UNNEST, CORRELATE);

    private PhysicalRules() {
    }

    /** The rules for streaming ({@code true}) or batch execution. */
    public static List<ConverterRule> forMode(boolean streaming) {
        return streaming ? STREAM : BATCH;
    }
}
