package io.sluice.datastream.state;

import io.sluice.api.common.state.BroadcastState;
import io.sluice.api.common.state.ListState;
import io.sluice.api.common.state.ListStateDescriptor;
import io.sluice.api.common.state.MapStateDescriptor;
import io.sluice.api.common.state.OperatorStateStore;
import io.sluice.runtime.state.keyed.StateSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operator state of one operator instance ({@code CheckpointedFunction}, {@code ListCheckpointed}): named
 * lists, each either split evenly or unioned when restored at another parallelism. Saved as: the number of lists,
 * then per list its name, whether it is a union list, and its elements (each serialized by the descriptor's type).
 * Lists restored but not asked for again are saved again unchanged. A broadcast state map is saved as a list named
 * {@link #BROADCAST_PREFIX} + its name whose elements are its entries (key, then value); restored at another
 * parallelism, each new instance takes the map of one earlier instance (its subtask modulo their number), as Flink
 * does, since every instance holds the same copy.
 */
public final class OperatorStates implements OperatorStateStore {
    /** The saved form of one list: its mode and its serialized elements. */
    public static final class Saved {
        final boolean union;
        final List<byte[]> elements;

        Saved(boolean union, List<byte[]> elements) {
            this.union = union;
            this.elements = elements;
        }
    }

    private static final class Registered {
        final boolean union;
        final StateSerializer<Object> serializer;
        final OperatorListState<Object> state;

        Registered(boolean union, StateSerializer<Object> serializer, OperatorListState<Object> state) {
            this.union = union;
            this.serializer = serializer;
            this.state = state;
        }
    }

    /** The name prefix of the saved form of a broadcast state map. */
    public static final String BROADCAST_PREFIX = "\u0000broadcast:";

    private static final class RegisteredBroadcast {
        final StateSerializer<Object> keySerializer;
        final StateSerializer<Object> valueSerializer;
        final OperatorBroadcastState<Object, Object> state;

        RegisteredBroadcast(StateSerializer<Object> keySerializer, StateSerializer<Object> valueSerializer,
                OperatorBroadcastState<Object, Object> state) {
            this.keySerializer = keySerializer;
            this.valueSerializer = valueSerializer;
            this.state = state;
        }
    }

    private final Map<String, Saved> restored;
    private final Map<String, Registered> registered = new LinkedHashMap<>();
    private final Map<String, RegisteredBroadcast> broadcast = new LinkedHashMap<>();

    /** A store over restored lists (empty when the job did not start from a checkpoint). */
    public OperatorStates(Map<String, Saved> restored) {
        this.restored = restored == null ? new LinkedHashMap<>() : new LinkedHashMap<>(restored);
    }

    /**
     * The broadcast state map {@code descriptor} names (restored, if it was saved): operator state that every
     * instance is expected to hold the same copy of.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) throws IOException {
        String name = descriptor.getName();
        RegisteredBroadcast r = broadcast.get(name);
        if (r != null) {
            return (BroadcastState<K, V>) (BroadcastState<?, ?>) r.state;
        }
        StateSerializer<Object> keys = (StateSerializer<Object>) (StateSerializer<?>)
                StateStore.serializerOf(descriptor.getKeyTypeInfo());
        StateSerializer<Object> values = (StateSerializer<Object>) (StateSerializer<?>)
                StateStore.serializerOf(descriptor.getValueTypeInfo());
        r = new RegisteredBroadcast(keys, values, new OperatorBroadcastState<>());
        Saved saved = restored.remove(BROADCAST_PREFIX + name);
        if (saved != null) {
            for (byte[] b : saved.elements) {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(b));
                Object key = keys.deserialize(in);
                r.state.map.put(key, in.readBoolean() ? values.deserialize(in) : null);
            }
        }
        broadcast.put(name, r);
        return (BroadcastState<K, V>) (BroadcastState<?, ?>) r.state;
    }

    @Override
    public <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) throws IOException {
        return list(descriptor, false);
    }

    @Override
    public <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) throws IOException {
        return list(descriptor, true);
    }

    @SuppressWarnings("unchecked")
    private <S> ListState<S> list(ListStateDescriptor<S> descriptor, boolean union) throws IOException {
        String name = descriptor.getName();
        Registered r = registered.get(name);
        if (r != null) {
            if (r.union != union) {
                throw new IllegalStateException("Operator state '" + name + "' was registered as "
                        + (r.union ? "a union list state" : "a list state") + " before");
            }
            return (ListState<S>) r.state;
        }
        StateSerializer<Object> serializer = (StateSerializer<Object>) (StateSerializer<?>)
                StateStore.serializerOf(descriptor.getElementTypeInfo());
        r = new Registered(union, serializer, new OperatorListState<>());
        Saved saved = restored.get(name);
        if (saved != null) {
            if (saved.union != union) {
                throw new IllegalStateException("Operator state '" + name + "' was saved as "
                        + (saved.union ? "a union list state" : "a list state") + "; it cannot be restored as "
                        + (union ? "a union list state" : "a list state"));
            }
            restored.remove(name);
            for (byte[] b : saved.elements) {
                r.state.values.add(serializer.deserialize(new DataInputStream(new ByteArrayInputStream(b))));
            }
        }
        registered.put(name, r);
        return (ListState<S>) r.state;
    }

    @Override
    public Set<String> getRegisteredStateNames() {
        return Collections.unmodifiableSet(registered.keySet());
    }

    @Override
    public Set<String> getRegisteredBroadcastStateNames() {
        return Collections.unmodifiableSet(broadcast.keySet());
    }

    /** Writes every list (registered ones with their current elements, unclaimed restored ones as they were). */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(registered.size() + broadcast.size() + restored.size());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream element = new DataOutputStream(bytes);
        for (Map.Entry<String, RegisteredBroadcast> e : broadcast.entrySet()) {
            RegisteredBroadcast b = e.getValue();
            out.writeUTF(BROADCAST_PREFIX + e.getKey());
            out.writeBoolean(true);
            out.writeInt(b.state.map.size());
            for (Map.Entry<Object, Object> entry : b.state.map.entrySet()) {
                bytes.reset();
                b.keySerializer.serialize(entry.getKey(), element);
                element.writeBoolean(entry.getValue() != null);
                if (entry.getValue() != null) {
                    b.valueSerializer.serialize(entry.getValue(), element);
                }
                element.flush();
                out.writeInt(bytes.size());
                bytes.writeTo(out);
            }
        }
        for (Map.Entry<String, Registered> e : registered.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeBoolean(e.getValue().union);
            List<Object> values = e.getValue().state.values;
            out.writeInt(values.size());
            for (Object v : values) {
                bytes.reset();
                e.getValue().serializer.serialize(v, element);
                element.flush();
                out.writeInt(bytes.size());
                bytes.writeTo(out);
            }
        }
        for (Map.Entry<String, Saved> e : restored.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeBoolean(e.getValue().union);
            out.writeInt(e.getValue().elements.size());
            for (byte[] b : e.getValue().elements) {
                out.writeInt(b.length);
                out.write(b);
            }
        }
    }

    /** Reads what {@link #write} wrote. */
    public static Map<String, Saved> read(DataInputStream in) throws IOException {
        Map<String, Saved> lists = new LinkedHashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            String name = in.readUTF();
            boolean union = in.readBoolean();
            int count = in.readInt();
            List<byte[]> elements = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                elements.add(b);
            }
            lists.put(name, new Saved(union, elements));
        }
        return lists;
    }

    /**
     * The share of instance {@code subtask} of {@code parallelism} of the lists saved by all instances of an earlier
     * run (in their subtask order): of a list state, a contiguous part of the concatenated elements (the parts
     * differ in size by one at most); of a union list state, all elements; of a broadcast state, the map of earlier
     * instance {@code subtask} modulo their number.
     */
    public static Map<String, Saved> redistribute(List<Map<String, Saved>> saved, int subtask, int parallelism) {
        Map<String, Boolean> modes = new LinkedHashMap<>();
        Map<String, List<byte[]>> all = new LinkedHashMap<>();
        for (int i = 0; i < saved.size(); i++) {
            for (Map.Entry<String, Saved> e : saved.get(i).entrySet()) {
                if (e.getKey().startsWith(BROADCAST_PREFIX)) {
                    if (i == subtask % saved.size()) {
                        all.put(e.getKey(), new ArrayList<>(e.getValue().elements));
                        modes.put(e.getKey(), true);
                    }
                    continue;
                }
                modes.put(e.getKey(), e.getValue().union);
                all.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue().elements);
            }
        }
        Map<String, Saved> mine = new LinkedHashMap<>();
        for (Map.Entry<String, List<byte[]>> e : all.entrySet()) {
            boolean union = modes.get(e.getKey());
            List<byte[]> elements = e.getValue();
            if (!union) {
                int n = elements.size();
                int from = (int) ((long) n * subtask / parallelism);
                int to = (int) ((long) n * (subtask + 1) / parallelism);
                elements = new ArrayList<>(elements.subList(from, to));
            }
            mine.put(e.getKey(), new Saved(union, elements));
        }
        return mine;
    }
}
