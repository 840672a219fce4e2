package io.sluice.api.common.functions;

import io.sluice.api.common.TaskInfo;
import io.sluice.api.common.accumulators.Accumulator;
import io.sluice.api.common.accumulators.DoubleCounter;
import io.sluice.api.common.accumulators.Histogram;
import io.sluice.api.common.accumulators.IntCounter;
import io.sluice.api.common.accumulators.LongCounter;
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
import java.io.Serializable;

/**
 * What a rich function sees of the task running it. The state getters work in functions applied to a keyed
 * stream (after {@code keyBy}); the state they return is scoped to the key of the record being processed.
 */
public interface RuntimeContext extends io.sluice.api.common.state.KeyedStateStore {
    /** The job the function runs in: its id (the one its {@code JobClient} reports) and name. */
    default io.sluice.api.common.JobInfo getJobInfo() {
        throw new UnsupportedOperationException("not supported yet: RuntimeContext.getJobInfo outside of a running"
                + " job");
    }

    /** The parallel instance running the function: task name, index, parallelism, max parallelism, attempt. */
    TaskInfo getTaskInfo();

    /** The job's global parameters ({@code env.getConfig().setGlobalJobParameters(...)}), empty when none were set. */
    default java.util.Map<String, String> getGlobalJobParameters() {
        throw new UnsupportedOperationException("not supported yet: RuntimeContext.getGlobalJobParameters outside of"
                + " a running job");
    }

    /**
     * The class loader of the job's classes: Sluice runs jobs in the process that defines them, so it is the loader of
     * the thread that runs the function (its context class loader), else the one that loaded this interface.
     */
    default ClassLoader getUserCodeClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : RuntimeContext.class.getClassLoader();
    }

    /**
     * Whether the job enabled object reuse ({@code env.getConfig().enableObjectReuse()} or
     * {@code pipeline.object-reuse}). Sluice hands a record to the next chained function without copying it with or
     * without reuse, so a function must not change a record after emitting it either way.
     */
    default boolean isObjectReuseEnabled() {
        throw new UnsupportedOperationException("not supported yet: RuntimeContext.isObjectReuseEnabled outside of a"
                + " running job");
    }

    /** The files the job registered with {@code env.registerCachedFile(path, name)}. */
    default io.sluice.api.common.cache.DistributedCache getDistributedCache() {
        throw new UnsupportedOperationException("not supported yet: RuntimeContext.getDistributedCache outside of a"
                + " job executed by a StreamExecutionEnvironment");
    }

    /**
     * Registers {@code releaseHook} to run once when the job's user code is released, which in Sluice is when the
     * job has ended (finished, failed or cancelled); a second hook of the same {@code releaseHookName} is ignored.
     */
    default void registerUserCodeClassLoaderReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook) {
        throw new UnsupportedOperationException("not supported yet: registerUserCodeClassLoaderReleaseHookIfAbsent"
                + " outside of a job executed by a StreamExecutionEnvironment");
    }

    /** A serializer of values of {@code typeInformation} (the one Sluice uses for such records and state). */
    default <T> io.sluice.api.common.typeutils.TypeSerializer<T> createSerializer(
            io.sluice.api.common.typeinfo.TypeInformation<T> typeInformation) {
        return typeInformation.createSerializer(io.sluice.api.common.serialization.SerializerConfig.DEFAULT);
    }

    /**
     * The metric group of the operator instance running the function: counters, gauges and meters registered here
     * (also in child groups) are the instance's user metrics, exported by the server's {@code /metrics} endpoint and
     * REST API. Its {@code getIOMetricGroup()} reads the instance's record and byte counts.
     */
    default io.sluice.metrics.groups.OperatorMetricGroup getMetricGroup() {
        throw new UnsupportedOperationException("not supported yet: RuntimeContext.getMetricGroup outside of a"
                + " running job");
    }

    /**
     * Adds an accumulator of the instance running the function (shared by the functions chained with it); at the end
     * of the job the accumulators of this name of all instances are merged into the job's result
     * ({@code JobExecutionResult.getAccumulatorResult(name)}). A name may be added once per instance.
     */
    default <V, A extends Serializable> void addAccumulator(String name, Accumulator<V, A> accumulator) {
        throw new UnsupportedOperationException("not supported yet: accumulators outside of a running job");
    }

    /** The accumulator this instance added under {@code name}, or null. */
    default <V, A extends Serializable> Accumulator<V, A> getAccumulator(String name) {
        throw new UnsupportedOperationException("not supported yet: accumulators outside of a running job");
    }

    /** The {@link IntCounter} named {@code name}, added on first use. */
    default IntCounter getIntCounter(String name) {
        return accumulatorOf(name, IntCounter.class, new IntCounter());
    }

    /** The {@link LongCounter} named {@code name}, added on first use. */
    default LongCounter getLongCounter(String name) {
        return accumulatorOf(name, LongCounter.class, new LongCounter());
    }

    /** The {@link DoubleCounter} named {@code name}, added on first use. */
    default DoubleCounter getDoubleCounter(String name) {
        return accumulatorOf(name, DoubleCounter.class, new DoubleCounter());
    }

    /** The {@link Histogram} named {@code name}, added on first use. */
    default Histogram getHistogram(String name) {
        return accumulatorOf(name, Histogram.class, new Histogram());
    }

    /** The accumulator named {@code name}, which must be of {@code type}; {@code fresh} is added when there is none. */
    private <A extends Accumulator<?, ?>> A accumulatorOf(String name, Class<A> type, A fresh) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Accumulator<?, ?> existing = getAccumulator(name);
        if (existing == null) {
            addAccumulator(name, (Accumulator) fresh);
            return fresh;
        }
        if (!type.isInstance(existing)) {
            throw new UnsupportedOperationException("The accumulator '" + name + "' already exists as "
                    + existing.getClass().getName() + ", not " + type.getName());
        }
        return type.cast(existing);
    }

    <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties);

    <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties);

    <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties);

    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> stateProperties);
}
