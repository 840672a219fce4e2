package io.sluice.runtime.state.keyed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What both backends share: the current key and key group, timer services (kept on the heap by both), restored
 * entries waiting for their state to be registered, and the snapshot walk over key groups.
 */
public abstract class AbstractKeyedStateBackend<K> implements KeyedStateBackend<K> {
    static final byte[] EMPTY = new byte[0];

    protected final StateSerializer<K> keySerializer;
    protected final int maxParallelism;
    protected final KeyGroupRange keyGroupRange;
    protected final SerializedBytes bytes = new SerializedBytes();
    /** Restored entries of timers and of states the subclass keeps as objects, until registered. */
    protected final RestoredEntries restored = new RestoredEntries();
    private final Map<String, HeapTimerService<K, ?>> timerServices = new LinkedHashMap<>();
    private K currentKey;
    private int currentKeyGroup = -1;
    /** Counts the calls of {@link #setCurrentKey}: a state may keep what it found for the key until it changes. */
    private long keyVersion;

    protected AbstractKeyedStateBackend(StateSerializer<K> keySerializer, int maxParallelism,
            KeyGroupRange keyGroupRange) {
        if (keyGroupRange.startKeyGroup() < 0 || keyGroupRange.endKeyGroup() >= maxParallelism) {
            throw new IllegalArgumentException(keyGroupRange + " is outside the " + maxParallelism + " key groups");
        }
        this.keySerializer = keySerializer;
        this.maxParallelism = maxParallelism;
        this.keyGroupRange = keyGroupRange;
    }

    @Override
    public int maxParallelism() {
        return maxParallelism;
    }

    @Override
    public KeyGroupRange keyGroupRange() {
        return keyGroupRange;
    }

    @Override
    public StateSerializer<K> keySerializer() {
        return keySerializer;
    }

    @Override
    public void setCurrentKey(K key) {
        setCurrentKey(key, KeyGroupAssignment.keyGroupFor(key.hashCode(), maxParallelism));
    }

    @Override
    public void setCurrentKey(K key, int keyGroup) {
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalArgumentException("Key " + key + " belongs to key group " + keyGroup
                    + ", which this instance (" + keyGroupRange + ") does not own; was the stream keyed by"
                    + " another key than the state?");
        }
        currentKey = key;
        currentKeyGroup = keyGroup;
        keyVersion++;
    }

    /** Changes whenever a key is made current (even the same key again). */
    final long keyVersion() {
        return keyVersion;
    }

    @Override
    public K getCurrentKey() {
        return currentKey;
    }

    @Override
    public int getCurrentKeyGroup() {
        return currentKeyGroup;
    }

    /** The current key group relative to the start of the range. */
    final int currentGroupIndex() {
        if (currentKeyGroup < 0) {
            throw new IllegalStateException("No current key: call setCurrentKey before using keyed state");
        }
        return currentKeyGroup - keyGroupRange.startKeyGroup();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> TimerService<K, N> getTimerService(String name, StateSerializer<N> namespaceSerializer) {
        HeapTimerService<K, ?> existing = timerServices.get(name);
        if (existing != null) {
            if (!existing.namespaceSerializer.identity().equals(namespaceSerializer.identity())) {
                throw new IllegalStateException("Timer service '" + name + "' is registered with namespace "
                        + existing.namespaceSerializer.identity() + ", not " + namespaceSerializer.identity());
            }
            return (TimerService<K, N>) existing;
        }
        HeapTimerService<K, N> service = new HeapTimerService<>(this, name, namespaceSerializer);
        service.restore(restored);
        timerServices.put(name, service);
        return service;
    }

    /** The registered states this backend writes itself, in a fixed order. */
    protected abstract List<StateMeta> ownStates();

    /** Writes the entries of key group {@code keyGroup} of {@code ownStates().get(i)} as state {@code i}. */
    protected abstract void writeOwnEntries(int keyGroup, KeyedSnapshotFormat.Writer writer) throws IOException;

    /** Takes one restored entry of a state (timers are handled here). */
    protected abstract void restoreStateEntry(StateMeta meta, int keyGroup, byte[] key, byte[] namespace,
            byte[] subKey, byte[] value) throws IOException;

    /** A state named in a restored snapshot (called once per snapshot and state, before its entries). */
    protected abstract void declareRestoredState(StateMeta meta);

    @Override
    public void snapshot(OutputStream out) throws IOException {
        writeSnapshot(out, true);
    }

    /**
     * Writes a snapshot in the {@link KeyedSnapshotFormat} of what this class keeps: timers and restored entries
     * not registered yet, without the subclass's own states (for backends that save those another way, such as
     * RocksDB's incremental checkpoints).
     */
    protected final void snapshotTimersAndPending(OutputStream out) throws IOException {
        writeSnapshot(out, false);
    }

    private void writeSnapshot(OutputStream out, boolean withOwnStates) throws IOException {
        List<StateMeta> metas = new ArrayList<>(withOwnStates ? ownStates() : List.of());
        int timerBase = metas.size();
        for (HeapTimerService<K, ?> t : timerServices.values()) {
            metas.add(t.eventMeta());
            metas.add(t.processingMeta());
        }
        int pendingBase = metas.size();
        List<RestoredEntries.Pending> pending = new ArrayList<>();
        for (RestoredEntries.Pending p : restored.pending()) {
            pending.add(p);
            metas.add(p.meta());
            p.entries().sort(Comparator.comparingInt(RestoredEntries.Entry::keyGroup));
        }
        int[] pendingPosition = new int[pending.size()];
        KeyedSnapshotFormat.Writer writer = new KeyedSnapshotFormat.Writer(out, maxParallelism,
                keySerializer.identity(), metas, keyGroupRange.size());
        for (int kg = keyGroupRange.startKeyGroup(); kg <= keyGroupRange.endKeyGroup(); kg++) {
            writer.beginKeyGroup(kg);
            if (withOwnStates) {
                writeOwnEntries(kg, writer);
            }
            int index = timerBase;
            for (HeapTimerService<K, ?> t : timerServices.values()) {
                t.write(kg, writer, index, index + 1, bytes);
                index += 2;
            }
            for (int p = 0; p < pending.size(); p++) {
                List<RestoredEntries.Entry> entries = pending.get(p).entries();
                while (pendingPosition[p] < entries.size() && entries.get(pendingPosition[p]).keyGroup() == kg) {
                    RestoredEntries.Entry e = entries.get(pendingPosition[p]++);
                    writer.entry(pendingBase + p, e.key(), e.namespace(), e.subKey(), e.value());
                }
            }
        }
        writer.finish();
    }

    /**
     * The timers and the restored entries not registered yet, serialized at a checkpoint barrier for an
     * asynchronous snapshot (they live on the heap and change as the operator goes on): the states they fill, and
     * their entries in the order a snapshot lists them (key group by key group).
     */
    protected record FrozenEntries(List<StateMeta> states, List<FrozenEntry> entries) {
    }

    /** One frozen entry of state number {@code stateIndex} of {@link FrozenEntries#states}. */
    protected record FrozenEntry(int stateIndex, int keyGroup, byte[] key, byte[] namespace, byte[] subKey,
            byte[] value) {
    }

    /** Writes the entries of the subclass's own states of one key group into an asynchronous snapshot. */
    @FunctionalInterface
    protected interface OwnEntries {
        void write(int keyGroup, KeyedSnapshotFormat.Writer writer) throws IOException;
    }

    /** Freezes the timers and the pending restored entries (the synchronous part of an asynchronous snapshot). */
    protected final FrozenEntries freezeTimersAndPending() throws IOException {
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        writeSnapshot(written, false);
        List<StateMeta> metas = new ArrayList<>();
        List<FrozenEntry> entries = new ArrayList<>();
        KeyedSnapshotFormat.Header header = KeyedSnapshotFormat.read(
                new java.io.ByteArrayInputStream(written.toByteArray()), maxParallelism, keySerializer.identity(),
                keyGroupRange, (meta, kg, key, ns, sub, value) -> {
                    metas.add(meta);
                    entries.add(new FrozenEntry(-1, kg, key, ns, sub, value));
                });
        Map<StateMeta, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < header.states().size(); i++) {
            index.put(header.states().get(i), i);
        }
        List<FrozenEntry> indexed = new ArrayList<>(entries.size());
        for (int e = 0; e < entries.size(); e++) {
            FrozenEntry f = entries.get(e);
            indexed.add(new FrozenEntry(index.get(metas.get(e)), f.keyGroup(), f.key(), f.namespace(), f.subKey(),
                    f.value()));
        }
        return new FrozenEntries(header.states(), indexed);
    }

    /**
     * The asynchronous part: writes a full snapshot, byte for byte what {@link #snapshot} would have written when
     * the state was frozen, of the subclass's own states {@code ownStates} (whose entries {@code own} writes from its
     * frozen view) followed by the {@code frozen} timers and pending entries.
     */
    protected final void writeFrozenSnapshot(OutputStream out, List<StateMeta> ownStates, OwnEntries own,
            FrozenEntries frozen) throws IOException {
        List<StateMeta> metas = new ArrayList<>(ownStates);
        metas.addAll(frozen.states());
        KeyedSnapshotFormat.Writer writer = new KeyedSnapshotFormat.Writer(out, maxParallelism,
                keySerializer.identity(), metas, keyGroupRange.size());
        int base = ownStates.size();
        int next = 0;
        List<FrozenEntry> entries = frozen.entries();
        for (int kg = keyGroupRange.startKeyGroup(); kg <= keyGroupRange.endKeyGroup(); kg++) {
            writer.beginKeyGroup(kg);
            own.write(kg, writer);
            while (next < entries.size() && entries.get(next).keyGroup() == kg) {
                FrozenEntry e = entries.get(next++);
                writer.entry(base + e.stateIndex(), e.key(), e.namespace(), e.subKey(), e.value());
            }
        }
        writer.finish();
    }

    @Override
    public void restore(List<InputStream> snapshots) throws IOException {
        restore(snapshots, null);
    }

    @Override
    public void restore(List<InputStream> snapshots, java.util.function.Predicate<byte[]> keyFilter)
            throws IOException {
        for (InputStream in : snapshots) {
            KeyedSnapshotFormat.Header header = KeyedSnapshotFormat.read(in, maxParallelism, keySerializer.identity(),
                    keyGroupRange, (meta, kg, key, ns, sub, value) -> {
                        if (keyFilter != null && !keyFilter.test(key)) {
                            return;
                        }
                        if (meta.kind().isTimers()) {
                            restored.add(meta, new RestoredEntries.Entry(kg, key, ns, sub, value));
                        } else {
                            restoreStateEntry(meta, kg, key, ns, sub, value);
                        }
                    });
            for (StateMeta meta : header.states()) {
                if (meta.kind().isTimers()) {
                    restored.declare(meta);
                } else {
                    declareRestoredState(meta);
                }
            }
        }
    }

    /** Timers registered over all services (for size estimates). */
    protected final long timerCount() {
        long n = 0;
        for (HeapTimerService<K, ?> t : timerServices.values()) {
            n += t.numTimers();
        }
        return n;
    }
}
