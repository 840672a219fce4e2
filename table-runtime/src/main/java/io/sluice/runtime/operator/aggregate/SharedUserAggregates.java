package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.operator.OperatorContext;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The opened user-defined aggregate functions of one operator instance that runs several
 * {@link HashAggregateOperator}s (one per window pane): each function is opened once, when the first pane needs
 * it, shared by every pane's accumulators (which do not close it), and closed once by {@link #close()}. Not
 * thread-safe: it belongs to its operator's task thread.
 */
public final class SharedUserAggregates implements AutoCloseable {
    private final Map<AggregateSpec, UserAggregateInvoker> invokers = new IdentityHashMap<>();
    private final List<UserAggregateInvoker> opened = new ArrayList<>();

    /** The opened invoker of {@code spec} (a USER_DEFINED aggregate), opening it on first use. */
    UserAggregateInvoker invoker(AggregateSpec spec, OperatorContext context) {
        UserAggregateInvoker invoker = invokers.get(spec);
        if (invoker == null) {
            invoker = Accumulators.openUserAggregate(spec, context);
            invokers.put(spec, invoker);
            opened.add(invoker);
        }
        return invoker;
    }

    /** Closes every opened function once; later calls do nothing. */
    @Override
    public void close() throws Exception {
        List<UserAggregateInvoker> toClose = new ArrayList<>(opened);
        opened.clear();
        invokers.clear();
        io.sluice.runtime.generated.UserFunctionLifecycle.close(toClose.toArray());
    }
}
