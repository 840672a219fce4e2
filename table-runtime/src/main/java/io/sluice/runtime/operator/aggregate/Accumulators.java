package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import org.apache.arrow.memory.BufferAllocator;

/** Chooses the typed {@link Accumulator} for an aggregate call from its kind and argument type. */
final class Accumulators {
    private Accumulators() {
    }

    static Accumulator create(AggregateSpec spec, LogicalType argType, BufferAllocator allocator) {
        AggregateKind kind = spec.kind();
        if (kind == AggregateKind.COUNT) {
            return new CountAccumulator();
        }
        if (kind == AggregateKind.SINGLE_VALUE || kind == AggregateKind.ANY_VALUE) {
            return new ValueAccumulator(kind == AggregateKind.SINGLE_VALUE, argType, allocator);
        }
        TypeRoot root = argType.root();
        if (root == TypeRoot.NULL) {
            return new NullArgumentAccumulator(kind == AggregateKind.SUM0);
        }
        switch (kind) {
            case SUM:
            case SUM0:
            case AVG:
                if (root.isIntegral()) {
                    return new LongSumAccumulator(kind);
                }
                if (root == TypeRoot.FLOAT || root == TypeRoot.DOUBLE) {
                    return new DoubleSumAccumulator(kind);
                }
                if (root == TypeRoot.DECIMAL) {
                    return new DecimalSumAccumulator(kind, argType.scale());
                }
                break;
            case MIN:
            case MAX:
                boolean min = kind == AggregateKind.MIN;
                switch (root) {
                    case FLOAT:
                    case DOUBLE:
                        return new DoubleMinMaxAccumulator(min);
                    case DECIMAL:
                        return new DecimalMinMaxAccumulator(min, argType.scale());
                    case CHAR:
                    case VARCHAR:
                    case BINARY:
                    case VARBINARY:
                        return new BytesMinMaxAccumulator(min);
                    default:
                        return new LongMinMaxAccumulator(min);
                }
            case BOOL_AND:
            case BOOL_OR:
                if (root == TypeRoot.BOOLEAN) {
                    return new BoolAndOrAccumulator(kind == AggregateKind.BOOL_AND);
                }
                break;
            default:
                break;
        }
        throw new UnsupportedFeatureException(kind + " over " + argType);
    }
}
