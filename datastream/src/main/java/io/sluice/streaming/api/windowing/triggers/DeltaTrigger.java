package io.sluice.streaming.api.windowing.triggers;

import io.sluice.api.common.serialization.SerializerConfig;
import io.sluice.api.common.state.ValueState;
import io.sluice.api.common.state.ValueStateDescriptor;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeutils.TypeSerializer;
import io.sluice.streaming.api.functions.windowing.delta.DeltaFunction;
import io.sluice.streaming.api.windowing.windows.Window;

/**
 * Fires when a record is more than {@code threshold} away (by the {@link DeltaFunction}) from the record that last
 * fired the window (the first record of the window only sets that reference). The reference record is trigger state,
 * written with the given serializer and kept in checkpoints.
 */
public class DeltaTrigger<T, W extends Window> extends Trigger<T, W> {
    private static final long serialVersionUID = 1L;
    private final DeltaFunction<T> deltaFunction;
    private final double threshold;
    private final ValueStateDescriptor<T> stateDesc;

    private DeltaTrigger(double threshold, DeltaFunction<T> deltaFunction, TypeSerializer<T> stateSerializer) {
        this.deltaFunction = deltaFunction;
        this.threshold = threshold;
        this.stateDesc = new ValueStateDescriptor<>("last-element", new SerializerType<>(stateSerializer));
    }

    /** A delta trigger; {@code stateSerializer} writes the reference record into state. */
    public static <T, W extends Window> DeltaTrigger<T, W> of(double threshold, DeltaFunction<T> deltaFunction,
            TypeSerializer<T> stateSerializer) {
        return new DeltaTrigger<>(threshold, deltaFunction, stateSerializer);
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
        ValueState<T> last = ctx.getPartitionedState(stateDesc);
        if (last.value() == null) {
            last.update(element);
            return TriggerResult.CONTINUE;
        }
        if (deltaFunction.getDelta(last.value(), element) > threshold) {
            last.update(element);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ctx.getPartitionedState(stateDesc).clear();
    }

    @Override
    public String toString() {
        return "DeltaTrigger(" + deltaFunction + ", " + threshold + ")";
    }

    /** The type of the reference record: the serializer given to {@link #of}. */
    private static final class SerializerType<T> extends TypeInformation<T> {
        private static final long serialVersionUID = 1L;
        private final TypeSerializer<T> serializer;

        SerializerType(TypeSerializer<T> serializer) {
            this.serializer = serializer;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Class<T> getTypeClass() {
            return (Class<T>) Object.class;
        }

        @Override
        public TypeSerializer<T> createSerializer(SerializerConfig config) {
            return serializer;
        }
    }
}
