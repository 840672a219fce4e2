package io.sluice.runtime.operator.match;

import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.types.LogicalType;
import java.util.List;

/**
 * A call of a user-defined aggregate function in DEFINE or MEASURES: over the rows of pattern element
 * {@code element} (-1: all rows), with the stored-row columns {@code argColumns} as arguments.
 */
public record UserAggregateCall(int element, int[] argColumns, List<LogicalType> argTypes,
        GeneratedClass<UserAggregateInvoker> invoker) {
}
