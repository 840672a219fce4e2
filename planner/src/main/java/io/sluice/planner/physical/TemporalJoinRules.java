package io.sluice.planner.physical;

import io.sluice.planner.rel.TemporalJoin;
import io.sluice.planner.translate.DeduplicatedVersions;
import io.sluice.planner.translate.TemporalJoinTranslator;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Snapshot;
import org.apache.calcite.rel.core.TableScan;

/**
 * The rules for {@code FOR SYSTEM_TIME AS OF}: a lookup join in both modes, an event-time temporal join in
 * streaming mode; anything else (a temporal join on a regular table in batch mode, a snapshot that is not part of a
 * temporal join) fails with Flink's message.
 */
final class TemporalJoinRules {
    private TemporalJoinRules() {
    }

    /** A processing-time temporal join against a table with a lookup source: a {@link PhysicalLookupJoin}. */
    static final class LookupJoinRule extends PhysicalConverterRule {
        LookupJoinRule() {
            super(TemporalJoin.class, "PhysicalLookupJoinRule");
        }

        @Override
        public RelNode convert(RelNode rel) {
            TemporalJoin join = (TemporalJoin) rel;
            TableScan table = TemporalJoinTranslator.lookupScan(join);
            return table == null ? null
                    : new PhysicalLookupJoin(rel.getCluster(), physical(rel), join.getLeft(), join, table);
        }
    }

    /**
     * Streaming: an event-time temporal join, after Flink's checks, becomes a {@link StreamPhysicalTemporalJoin}; a
     * versioned view that deduplicates a log by rowtime gives its versions as the log's rows
     * ({@link DeduplicatedVersions}).
     */
    static final class StreamTemporalJoinRule extends PhysicalConverterRule {
        StreamTemporalJoinRule() {
            super(TemporalJoin.class, "StreamPhysicalTemporalJoinRule");
        }

        @Override
        public RelNode convert(RelNode rel) {
            TemporalJoin join = (TemporalJoin) rel;
            TemporalJoinTranslator.Analysis analysis = TemporalJoinTranslator.validate(join);
            DeduplicatedVersions.Versions versions = DeduplicatedVersions.of(join.getRight());
            return new StreamPhysicalTemporalJoin(rel.getCluster(), physical(rel), join.getLeft(),
                    versions == null ? join.getRight() : versions.log(), join.condition(), join.joinType(),
                    join.leftTimeField(), analysis, versions == null ? null : versions.description());
        }
    }

    /** Fails for a temporal join (in batch mode) or a snapshot no temporal join consumed. */
    static final class RejectRule extends PhysicalConverterRule {
        private final boolean streaming;

        RejectRule(boolean streaming) {
            super(RelNode.class, (RelNode r) -> r instanceof TemporalJoin || r instanceof Snapshot,
                    streaming ? "StreamTemporalRejectRule" : "BatchTemporalRejectRule");
            this.streaming = streaming;
        }

        @Override
        public RelNode convert(RelNode rel) {
            throw TemporalJoinTranslator.reject(streaming);
        }
    }
}
