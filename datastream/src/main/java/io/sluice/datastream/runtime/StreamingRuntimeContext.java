package io.sluice.datastream.runtime;

import io.sluice.api.common.TaskInfo;
import io.sluice.api.common.functions.DefaultOpenContext;
import io.sluice.api.common.functions.Function;
import io.sluice.api.common.functions.RichFunction;
import io.sluice.api.common.functions.RuntimeContext;
import io.sluice.api.common.state.AggregatingState;
import io.sluice.api.common.state.AggregatingStateDescriptor;
import io.sluice.api.common.state.ListState;
import io.sluice.api.common.state.ListStateDescriptor;
import io.sluice.api.common.state.MapState;
import io.sluice.api.common.state.MapStateDescriptor;
import io.sluice.api.common.state.ReducingState;
import io.sluice.api.common.state.ReducingStateDescriptor;
import io.sluice.api.common.state.ValueState;
import io.sluice.api.common.state.ValueStateDescriptor;
import io.sluice.datastream.state.StateStore;
import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.runtime.state.keyed.VoidNamespace;

/** The runtime context of the functions of one chained operator: task information and keyed state. */
public final class StreamingRuntimeContext implements RuntimeContext {
    private final ChainContext context;
    private final StateStore<VoidNamespace> state;

    public StreamingRuntimeContext(ChainContext context) {
        this.context = context;
        this.state = new StateStore<>(context.keyedState(), StateSerializers.VOID_NAMESPACE, VoidNamespace.INSTANCE,
                "", context::currentProcessingTime);
    }

    /** Gives a rich function its context and opens it. */
    public static void open(Function function, ChainContext context) throws Exception {
        if (function instanceof RichFunction) {
            RichFunction rich = (RichFunction) function;
            rich.setRuntimeContext(new StreamingRuntimeContext(context));
            rich.open(DefaultOpenContext.INSTANCE);
        }
    }

    /** The user metric group of {@code context}'s chain instance (what its functions' contexts return). */
    public static io.sluice.metrics.groups.OperatorMetricGroup metricGroupOf(ChainContext context) {
        return ChainMetricGroup.of(context);
    }

    /** A metric group of the instance {@code task} that no executor reports. */
    public static io.sluice.metrics.groups.OperatorMetricGroup detachedMetricGroup(TaskInfo task) {
        return ChainMetricGroup.detached(task);
    }

    /** Closes a rich function. */
    public static void close(Function function) throws Exception {
        if (function instanceof RichFunction) {
            ((RichFunction) function).close();
        }
    }

    @Override
    public io.sluice.api.common.JobInfo getJobInfo() {
        return context.jobInfo();
    }

    @Override
    public java.util.Map<String, String> getGlobalJobParameters() {
        return JobParameters.read(context.config());
    }

    @Override
    public TaskInfo getTaskInfo() {
        return context;
    }

    @Override
    public boolean isObjectReuseEnabled() {
        return io.sluice.api.common.ExecutionConfig.objectReuse(context.config());
    }

    @Override
    public io.sluice.api.common.cache.DistributedCache getDistributedCache() {
        return new io.sluice.api.common.cache.DistributedCache(resources("getDistributedCache"));
    }

    @Override
    public void registerUserCodeClassLoaderReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook) {
        if (releaseHookName == null || releaseHook == null) {
            throw new NullPointerException("a release hook needs a name and a hook");
        }
        resources("registerUserCodeClassLoaderReleaseHookIfAbsent").addReleaseHook(releaseHookName, releaseHook);
    }

    private JobResources resources(String method) {
        JobResources resources = JobResources.of(context.config());
        if (resources == null) {
            throw new UnsupportedOperationException("not supported yet: RuntimeContext." + method + " in a job not"
                    + " executed by a StreamExecutionEnvironment");
        }
        return resources;
    }

    /** The user metric group of this chain instance, the same across restarts. */
    @Override
    public io.sluice.metrics.groups.OperatorMetricGroup getMetricGroup() {
        return ChainMetricGroup.of(context);
    }

    @Override
    public <V, A extends java.io.Serializable> void addAccumulator(String name,
            io.sluice.api.common.accumulators.Accumulator<V, A> accumulator) {
        if (name == null || accumulator == null) {
            throw new NullPointerException("an accumulator needs a name and a value");
        }
        context.addAccumulator(name, accumulator);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V, A extends java.io.Serializable> io.sluice.api.common.accumulators.Accumulator<V, A> getAccumulator(
            String name) {
        return (io.sluice.api.common.accumulators.Accumulator<V, A>) context.accumulator(name);
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> d) {
        return state.getState(d);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> d) {
        return state.getListState(d);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> d) {
        return state.getMapState(d);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
        return state.getReducingState(d);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> d) {
        return state.getAggregatingState(d);
    }
}
