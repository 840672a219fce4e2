package io.sluice.planner.physical;

import io.sluice.codegen.RelTypes;
import io.sluice.planner.translate.AggregateSpecs;
import io.sluice.runtime.config.AggregatePhaseStrategy;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.OptimizerOptions;
import io.sluice.runtime.operator.aggregate.AggregateSpec;
import io.sluice.runtime.operator.aggregate.MiniBatchSettings;
import io.sluice.runtime.operator.aggregate.PartialAggregates;
import io.sluice.runtime.state.StateTtl;
import io.sluice.runtime.state.keyed.KeyedStateBackends;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * Local-global (two-phase) streaming aggregation, Flink's {@code table.optimizer.agg-phase-strategy}: a
 * {@link StreamPhysicalGroupAggregate} becomes a {@link StreamPhysicalLocalGroupAggregate} (pre-aggregation per
 * mini-batch, before the exchange) under a {@link StreamPhysicalGlobalGroupAggregate} (merge into keyed state, after
 * the hash exchange on the group key), which spreads the work of hot keys over the instances reading them.
 *
 * <p>As in Flink's streaming planner it applies when the strategy is {@code AUTO} (the default) or
 * {@code TWO_PHASE}, mini-batch is enabled ({@code table.exec.mini-batch.enabled}) and every aggregate call can be
 * merged ({@link PartialAggregates}). Sluice also keeps one phase when state lives in a state backend other than
 * the heap or {@code table.exec.state.ttl} is set, which its global phase does not support yet.
 */
final class TwoPhaseAggregation {
    private TwoPhaseAggregation() {
    }

    /** The two-phase form of {@code agg}, or {@code agg} itself when it stays in one phase. */
    static RelNode expand(StreamPhysicalGroupAggregate agg, TranslationContext context) {
        if (!applies(agg, context)) {
            return agg;
        }
        boolean insertOnly = !context.changelogMode(agg.getInput()).hasUpdates();
        Partials partials = Partials.of(agg, agg.specs(context), insertOnly);
        if (partials == null) {
            return agg;
        }
        StreamPhysicalLocalGroupAggregate local = new StreamPhysicalLocalGroupAggregate(agg.getTraitSet(), agg,
                partials);
        return new StreamPhysicalGlobalGroupAggregate(agg.getTraitSet(), local, agg, partials);
    }

    private static boolean applies(StreamPhysicalGroupAggregate agg, TranslationContext context) {
        Configuration config = context.config();
        if (!context.isStreaming()
                || config.get(OptimizerOptions.AGG_PHASE_STRATEGY) == AggregatePhaseStrategy.ONE_PHASE) {
            return false;
        }
        return MiniBatchSettings.from(config) != null && KeyedStateBackends.isHeap(config)
                && !StateTtl.of(config, System::currentTimeMillis).enabled();
    }

    /**
     * The columns between the two phases: the group columns, each call's partial columns (named {@code count$n},
     * {@code sum$n}, {@code min$n}, {@code max$n}) and, when the input has updates, the signed row count
     * {@code count1$n} that tells the global phase when a group is empty.
     */
    record Partials(RelDataType rowType, List<List<String>> names, boolean countRows, boolean insertOnlyInput) {

        /** Null when some call cannot be merged. */
        static Partials of(StreamPhysicalGroupAggregate agg, List<AggregateSpec> specs, boolean insertOnlyInput) {
            RowType inputType = agg.inputType();
            RelDataTypeFactory types = agg.getCluster().getTypeFactory();
            RelDataTypeFactory.Builder row = types.builder();
            for (int g : agg.groupFields()) {
                row.add(agg.getInput().getRowType().getFieldList().get(g));
            }
            List<List<String>> names = new ArrayList<>();
            int n = 0;
            for (AggregateSpec spec : specs) {
                int[] args = spec.argFields();
                LogicalType argType = args.length == 0 ? null : inputType.type(args[0]);
                List<LogicalType> partial = PartialAggregates.partialTypes(spec, argType, insertOnlyInput);
                if (partial == null) {
                    return null;
                }
                List<String> prefixes = PartialAggregates.partialNames(spec);
                List<String> callNames = new ArrayList<>();
                for (int p = 0; p < partial.size(); p++) {
                    String name = prefixes.get(p) + "$" + n++;
                    callNames.add(name);
                    row.add(name, RelTypes.toRelDataType(partial.get(p), types));
                }
                names.add(callNames);
            }
            boolean countRows = !insertOnlyInput;
            if (countRows) {
                row.add("count1$" + n, RelTypes.toRelDataType(LogicalType.bigint().copy(false), types));
            }
            return new Partials(row.uniquify().build(), names, countRows, insertOnlyInput);
        }

        /** The local phase's {@code select} for EXPLAIN: {@code call AS partial} or {@code call AS (p1, p2)}. */
        List<String> localSelect(StreamPhysicalGroupAggregate agg, RowType inputType) {
            List<String> select = new ArrayList<>(AggregateSpecs.groupNames(agg, inputType));
            List<AggregateCall> calls = agg.getAggCallList();
            for (int k = 0; k < calls.size(); k++) {
                select.add(calls.get(k) + " AS " + group(names.get(k)));
            }
            if (countRows) {
                select.add("COUNT_RETRACT(*) AS " + rowType.getFieldList().get(rowType.getFieldCount() - 1).getName());
            }
            return select;
        }

        /** The global phase's {@code select} for EXPLAIN: {@code FUNCTION(partials) AS name}. */
        List<String> globalSelect(StreamPhysicalGroupAggregate agg, RowType inputType) {
            List<String> select = new ArrayList<>(AggregateSpecs.groupNames(agg, inputType));
            List<AggregateCall> calls = agg.getAggCallList();
            int groupCount = agg.getGroupCount();
            for (int k = 0; k < calls.size(); k++) {
                select.add(calls.get(k).getAggregation().getName() + "(" + group(names.get(k)) + ") AS "
                        + agg.getRowType().getFieldList().get(groupCount + k).getName());
            }
            return select;
        }

        private static String group(List<String> names) {
            return names.size() == 1 ? names.get(0) : "(" + String.join(", ", names) + ")";
        }
    }
}
