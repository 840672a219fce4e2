package io.sluice.api.common.functions;

import io.sluice.api.common.TaskInfo;
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

/**
 * What a rich function sees of the task running it. The state getters work in functions applied to a keyed
 * stream (after {@code keyBy}); the state they return is scoped to the key of the record being processed.
 */
public interface RuntimeContext extends io.sluice.api.common.state.KeyedStateStore {
    TaskInfo getTaskInfo();

    /**
     * The metric group of the operator instance running the function: counters, gauges and meters registered here
     * (also in child groups) are the instance's user metrics, exported by the server's {@code /metrics} endpoint and
     * REST API. Its {@code getIOMetricGroup()} reads the instance's record and byte counts.
     */
    default io.sluice.metrics.groups.OperatorMetricGroup getMetricGroup() {
        throw new UnsupportedOperationException("not supported yet: RuntimeContext.getMetricGroup outside of a"
                + " running job");
    }

    <T> ValueState<T> getState(ValueStateDescriptor<T> stateProperties);

    <T> ListState<T> getListState(ListStateDescriptor<T> stateProperties);

    <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> stateProperties);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> stateProperties);

    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
            AggregatingStateDescriptor<IN, ACC, OUT> stateProperties);
}
