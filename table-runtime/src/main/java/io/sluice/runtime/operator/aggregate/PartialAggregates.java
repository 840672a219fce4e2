package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import java.util.List;

/**
 * What two-phase (local-global) aggregation needs to know about an aggregate call: whether its accumulator can be
 * computed per mini-batch by a {@link LocalGroupAggregateOperator}, shipped as columns and merged by a
 * {@link GlobalGroupAggregateOperator}, and the types and names of those columns. The planner asks here so both
 * phases agree on the row type between them.
 *
 * <p>Mergeable calls (not DISTINCT): {@code COUNT}; {@code SUM}, {@code $SUM0} and {@code AVG} over numbers (a sum
 * and a count of non-NULL values); {@code MIN} and {@code MAX} when the aggregation's input is insert-only (the
 * local extreme). Other calls (DISTINCT, user-defined functions, MIN/MAX under retraction, ...) keep the
 * aggregation in one phase.
 */
public final class PartialAggregates {
    private PartialAggregates() {
    }

    /**
     * The types of the columns that carry {@code spec}'s accumulator from the local to the global phase, or null when
     * the call cannot be split. {@code argType}: its first argument's type (null for {@code COUNT(*)});
     * {@code insertOnlyInput}: the aggregation's input has no updates or deletions.
     */
    public static List<LogicalType> partialTypes(AggregateSpec spec, LogicalType argType, boolean insertOnlyInput) {
        if (spec.distinct()) {
            return null;
        }
        switch (spec.kind()) {
            case COUNT:
                return List.of(LogicalType.bigint().copy(false));
            case SUM:
            case SUM0:
            case AVG: {
                TypeRoot root = argType.root();
                LogicalType count = LogicalType.bigint().copy(false);
                if (root.isIntegral() || root == TypeRoot.NULL) {
                    return List.of(LogicalType.bigint().copy(false), count);
                }
                if (root == TypeRoot.FLOAT || root == TypeRoot.DOUBLE) {
                    return List.of(LogicalType.doubleType().copy(false), count);
                }
                if (root == TypeRoot.DECIMAL) {
                    return List.of(LogicalType.decimal(LogicalType.MAX_DECIMAL_PRECISION, argType.scale()), count);
                }
                return null;
            }
            case MIN:
            case MAX:
                return insertOnlyInput ? List.of(argType.copy(true)) : null;
            default:
                return null;
        }
    }

    /**
     * The names of the partial columns of {@link #partialTypes}, without their {@code $n} suffix: {@code count} for
     * COUNT, {@code sum} and {@code count} for SUM/AVG, {@code min} or {@code max}.
     */
    public static List<String> partialNames(AggregateSpec spec) {
        switch (spec.kind()) {
            case COUNT:
                return List.of("count");
            case MIN:
                return List.of("min");
            case MAX:
                return List.of("max");
            default:
                return List.of("sum", "count");
        }
    }

    /** Whether every call of {@code specs} can be split ({@code argTypes}: their first argument types or null). */
    public static boolean allMergeable(List<AggregateSpec> specs, List<LogicalType> argTypes, boolean insertOnlyInput) {
        for (int k = 0; k < specs.size(); k++) {
            if (partialTypes(specs.get(k), argTypes.get(k), insertOnlyInput) == null) {
                return false;
            }
        }
        return true;
    }

    /**
     * The accumulator both phases use for a mergeable call, so that the local one's partial merges into the global
     * one; {@code localPhase}: for the local phase, whose retractions may take out rows it never saw added.
     */
    static RetractableAccumulator create(AggregateSpec spec, LogicalType argType, boolean insertOnlyInput,
            boolean localPhase, OperatorContext context) {
        if (partialTypes(spec, argType, insertOnlyInput) == null) {
            throw new IllegalArgumentException("not a mergeable aggregate call: " + spec);
        }
        if (spec.kind() == AggregateKind.MIN || spec.kind() == AggregateKind.MAX) {
            return new InsertOnlyMinMax(spec.kind() == AggregateKind.MAX, argType);
        }
        RetractableAccumulator a = RetractableAccumulators.create(spec, argType, context);
        return localPhase && a instanceof RetractableCompactDecimalSum
                ? ((RetractableCompactDecimalSum) a).forLocalPhase() : a;
    }
}
