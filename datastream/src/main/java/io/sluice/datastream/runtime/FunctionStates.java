package io.sluice.datastream.runtime;

import io.sluice.api.common.state.KeyedStateStore;
import io.sluice.api.common.state.ListState;
import io.sluice.api.common.state.ListStateDescriptor;
import io.sluice.api.common.state.OperatorStateStore;
import io.sluice.datastream.state.OperatorStates;
import io.sluice.datastream.state.StateStore;
import io.sluice.runtime.state.FunctionInitializationContext;
import io.sluice.runtime.state.FunctionSnapshotContext;
import io.sluice.runtime.state.keyed.StateSerializers;
import io.sluice.runtime.state.keyed.VoidNamespace;
import io.sluice.streaming.api.checkpoint.CheckpointedFunction;
import io.sluice.streaming.api.checkpoint.ListCheckpointed;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The operator state of the user functions of one chained operator: finds the functions that implement
 * {@link CheckpointedFunction} or {@link ListCheckpointed} among the operator's fields, initializes them (before
 * they are opened) with an {@link OperatorStates} store, and has them snapshot into it for each checkpoint.
 */
final class FunctionStates {
    /** The list a {@link ListCheckpointed} function's elements are saved in (Java serialization). */
    static final String LIST_CHECKPOINTED = "_default_";

    private final List<Object> functions;
    private Map<String, OperatorStates.Saved> restored;
    private boolean isRestored;
    private OperatorStates store;
    private long restoredCheckpointId = -1;

    private FunctionStates(List<Object> functions) {
        this.functions = functions;
    }

    /** The checkpointed functions held in the (non-static) fields of {@code operator}; null when there are none. */
    static FunctionStates of(ChainedOperator operator) {
        List<Object> functions = userFunctions(operator,
                value -> value instanceof CheckpointedFunction || value instanceof ListCheckpointed);
        return functions.isEmpty() ? null : new FunctionStates(functions);
    }

    /** The distinct objects held in the (non-static) fields of {@code operator} that {@code wanted} accepts. */
    static List<Object> userFunctions(ChainedOperator operator, java.util.function.Predicate<Object> wanted) {
        List<Object> functions = new ArrayList<>();
        for (Class<?> c = operator.getClass(); c != ChainedOperator.class && c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Object value = f.get(operator);
                    if (value != null && wanted.test(value) && !functions.contains(value)) {
                        functions.add(value);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // not a function field
                }
            }
        }
        return functions;
    }

    void restore(DataInputStream in) throws Exception {
        restored = OperatorStates.read(in);
        isRestored = true;
    }

    void restoreRescaled(List<Map<String, OperatorStates.Saved>> saved, int subtask, int parallelism) {
        restored = OperatorStates.redistribute(saved, subtask, parallelism);
        isRestored = true;
    }

    /** Calls {@code initializeState} (or {@code restoreState} of a restored {@link ListCheckpointed}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void initialize(ChainContext context) throws Exception {
        store = new OperatorStates(restored);
        restored = null;
        KeyedStateStore keyed = context.keyedState() == null ? null : new StateStore<>(context.keyedState(),
                StateSerializers.VOID_NAMESPACE, VoidNamespace.INSTANCE, "", context::currentProcessingTime);
        for (Object f : functions) {
            if (f instanceof io.sluice.api.common.functions.RichFunction) {
                // as in Flink, a rich function has its runtime context in initializeState already (open comes later)
                ((io.sluice.api.common.functions.RichFunction) f).setRuntimeContext(
                        new StreamingRuntimeContext(context));
            }
            if (f instanceof CheckpointedFunction) {
                ((CheckpointedFunction) f).initializeState(new InitContext(store, keyed));
            }
            if (f instanceof ListCheckpointed) {
                ListState<Serializable> list = listCheckpointed();
                if (isRestored) {
                    List<Serializable> elements = new ArrayList<>();
                    list.get().forEach(elements::add);
                    ((ListCheckpointed) f).restoreState(elements);
                }
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private ListState<Serializable> listCheckpointed() throws Exception {
        return store.getListState(new ListStateDescriptor<>(LIST_CHECKPOINTED, Serializable.class));
    }

    /** Lets the functions write their state for checkpoint {@code checkpointId}, then saves the store. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void snapshot(long checkpointId, DataOutputStream out) throws Exception {
        long now = System.currentTimeMillis();
        for (Object f : functions) {
            if (f instanceof CheckpointedFunction) {
                ((CheckpointedFunction) f).snapshotState(new SnapshotContext(checkpointId, now));
            }
            if (f instanceof ListCheckpointed) {
                List<Serializable> elements = ((ListCheckpointed) f).snapshotState(checkpointId, now);
                listCheckpointed().update(elements == null ? List.of() : elements);
            }
        }
        store.write(out);
    }

    private final class InitContext implements FunctionInitializationContext {
        private final OperatorStateStore operatorState;
        private final KeyedStateStore keyedState;

        InitContext(OperatorStateStore operatorState, KeyedStateStore keyedState) {
            this.operatorState = operatorState;
            this.keyedState = keyedState;
        }

        @Override
        public boolean isRestored() {
            return isRestored;
        }

        @Override
        public OptionalLong getRestoredCheckpointId() {
            return isRestored && restoredCheckpointId >= 0 ? OptionalLong.of(restoredCheckpointId)
                    : OptionalLong.empty();
        }

        @Override
        public OperatorStateStore getOperatorStateStore() {
            return operatorState;
        }

        @Override
        public KeyedStateStore getKeyedStateStore() {
            return keyedState;
        }
    }

    private static final class SnapshotContext implements FunctionSnapshotContext {
        private final long id;
        private final long timestamp;

        SnapshotContext(long id, long timestamp) {
            this.id = id;
            this.timestamp = timestamp;
        }

        @Override
        public long getCheckpointId() {
            return id;
        }

        @Override
        public long getCheckpointTimestamp() {
            return timestamp;
        }
    }
}
