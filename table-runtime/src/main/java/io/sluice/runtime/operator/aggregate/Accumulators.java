package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.operator.OperatorContext;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.TableException;
import io.sluice.table.api.UnsupportedFeatureException;

/** Chooses the typed {@link Accumulator} for an aggregate call from its kind and argument type. */
final class Accumulators {
    /**
     * System property for benchmarks only: when {@code true}, SUM/AVG over DECIMAL(p &le; 18) use the general
     * 128-bit (batch) and {@code BigDecimal} (streaming) accumulators instead of the {@code long} ones, so that
     * both can be timed in one JVM. Read each time an operator creates its accumulators.
     */
    static final String WIDE_DECIMAL_SUMS_PROPERTY = "sluice.benchmark.wide-decimal-sums";

    private Accumulators() {
    }

    /** Whether SUM/AVG over {@code argType} (a DECIMAL) sums unscaled {@code long}s. */
    static boolean compactDecimalSum(LogicalType argType) {
        return argType.precision() <= CompactDecimals.MAX_COMPACT_PRECISION
                && !Boolean.getBoolean(WIDE_DECIMAL_SUMS_PROPERTY);
    }

    /** {@code argType}: the type of the first argument, null when there is none. */
    static Accumulator create(AggregateSpec spec, LogicalType argType, OperatorContext context) {
        return create(spec, argType, context, null);
    }

    /**
     * As {@link #create(AggregateSpec, LogicalType, OperatorContext)}; a user-defined aggregate takes its opened
     * function from {@code shared} when it is not null (and then does not close it).
     */
    static Accumulator create(AggregateSpec spec, LogicalType argType, OperatorContext context,
            SharedUserAggregates shared) {
        AggregateKind kind = spec.kind();
        if (kind == AggregateKind.USER_DEFINED) {
            return shared == null ? new ObjectAccumulator(openUserAggregate(spec, context), spec.resultType(), true)
                    : new ObjectAccumulator(shared.invoker(spec, context), spec.resultType(), false);
        }
        if (kind == AggregateKind.COUNT) {
            return new CountAccumulator();
        }
        if (kind == AggregateKind.SINGLE_VALUE || kind == AggregateKind.ANY_VALUE) {
            return new ValueAccumulator(kind == AggregateKind.SINGLE_VALUE, argType, context.allocator());
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
                    return compactDecimalSum(argType) ? new CompactDecimalSumAccumulator(kind, argType.scale())
                            : new DecimalSumAccumulator(kind, argType.scale());
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

    /**
     * A new instance of the generated invoker of a user-defined aggregate, with its function opened with the
     * job's configuration as job parameters (once per operator instance).
     */
    static UserAggregateInvoker openUserAggregate(AggregateSpec spec, OperatorContext context) {
        UserAggregateInvoker invoker = spec.userAggregate().newInstance();
        try {
            io.sluice.runtime.generated.UserFunctionLifecycle.open(context, invoker);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TableException("opening user-defined aggregate function " + invoker.functionDescription()
                    + " failed: " + e, e);
        }
        return invoker;
    }
}
