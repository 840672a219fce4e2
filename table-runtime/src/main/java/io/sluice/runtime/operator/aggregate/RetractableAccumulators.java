package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;

/** Chooses the {@link RetractableAccumulator} for an aggregate call of a streaming aggregation. */
final class RetractableAccumulators {
    private RetractableAccumulators() {
    }

    /** {@code argType}: the type of the first argument, null when there is none. */
    static RetractableAccumulator create(AggregateSpec spec, LogicalType argType, OperatorContext context) {
        AggregateKind kind = spec.kind();
        if (kind == AggregateKind.USER_DEFINED) {
            return new RetractableObjectAccumulator(Accumulators.openUserAggregate(spec, context),
                    spec.resultType());
        }
        if (kind == AggregateKind.COUNT) {
            return new RetractableCount();
        }
        TypeRoot root = argType.root();
        switch (kind) {
            case SUM:
            case SUM0:
            case AVG:
                if (root.isIntegral() || root == TypeRoot.NULL) {
                    return new RetractableLongSum(kind);
                }
                if (root == TypeRoot.FLOAT || root == TypeRoot.DOUBLE) {
                    return new RetractableDoubleSum(kind);
                }
                if (root == TypeRoot.DECIMAL) {
                    return Accumulators.compactDecimalSum(argType)
                            ? new RetractableCompactDecimalSum(kind, argType.scale()) : new RetractableDecimalSum(kind);
                }
                break;
            case MIN:
            case MAX:
            case SINGLE_VALUE:
            case ANY_VALUE:
                return new RetractableMultiset(kind, argType);
            case BOOL_AND:
            case BOOL_OR:
                if (root == TypeRoot.BOOLEAN) {
                    return new RetractableBoolAndOr(kind == AggregateKind.BOOL_AND);
                }
                break;
            default:
                break;
        }
        throw new UnsupportedFeatureException(kind + " over " + argType + " in a streaming aggregation");
    }
}
