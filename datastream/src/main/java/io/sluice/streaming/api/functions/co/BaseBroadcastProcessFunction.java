package io.sluice.streaming.api.functions.co;

import io.sluice.api.common.functions.AbstractRichFunction;
import io.sluice.api.common.state.BroadcastState;
import io.sluice.api.common.state.MapStateDescriptor;
import io.sluice.api.common.state.ReadOnlyBroadcastState;
import io.sluice.util.OutputTag;

/** The contexts shared by the broadcast process functions. */
public abstract class BaseBroadcastProcessFunction extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** What both process methods can see. */
    abstract class BaseContext {
        public abstract Long timestamp();

        public abstract <X> void output(OutputTag<X> outputTag, X value);

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();
    }

    /** The broadcast side's context: it may write the broadcast state. */
    public abstract class Context extends BaseContext {
        public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);
    }

    /** The non-broadcast side's context: it may only read the broadcast state. */
    public abstract class ReadOnlyContext extends BaseContext {
        public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);
    }
}
