package io.sluice.runtime.state.keyed;

import java.io.IOException;
import java.util.HashSet;
import java.util.PriorityQueue;

/**
 * Timers kept on the heap (by both backends): per kind a priority queue by time plus, per key group, the set of
 * registered timers. A deleted timer leaves the set at once and the queue lazily: a queued timer fires only
 * while it is still in its set.
 */
final class HeapTimerService<K, N> implements TimerService<K, N> {
    private record Timer<K, N>(K key, int keyGroup, N namespace, long time) {
    }

    /** The timers of one kind. */
    private final class Timers {
        final StateMeta meta;
        final PriorityQueue<Timer<K, N>> queue = new PriorityQueue<>((a, b) -> Long.compare(a.time, b.time));
        final HashSet<Timer<K, N>>[] byGroup;
        int count;

        @SuppressWarnings("unchecked")
        Timers(StateMeta meta) {
            this.meta = meta;
            this.byGroup = new HashSet[backend.keyGroupRange().size()];
        }

        void register(N namespace, long time) {
            Timer<K, N> t = new Timer<>(backend.getCurrentKey(), backend.getCurrentKeyGroup(), namespace, time);
            add(t);
        }

        void add(Timer<K, N> t) {
            int index = t.keyGroup - backend.keyGroupRange().startKeyGroup();
            HashSet<Timer<K, N>> set = byGroup[index];
            if (set == null) {
                set = new HashSet<>();
                byGroup[index] = set;
            }
            if (set.add(t)) {
                queue.add(t);
                count++;
            }
        }

        void delete(N namespace, long time) {
            Timer<K, N> t = new Timer<>(backend.getCurrentKey(), backend.getCurrentKeyGroup(), namespace, time);
            remove(t); // the queued copy is skipped when it comes up
        }

        boolean remove(Timer<K, N> t) {
            HashSet<Timer<K, N>> set = byGroup[t.keyGroup - backend.keyGroupRange().startKeyGroup()];
            if (set != null && set.remove(t)) {
                count--;
                return true;
            }
            return false;
        }

        void fireUpTo(long time, Callback<K, N> callback) throws Exception {
            Timer<K, N> t;
            while ((t = queue.peek()) != null && t.time <= time) {
                queue.poll();
                if (remove(t)) {
                    backend.setCurrentKey(t.key, t.keyGroup);
                    callback.onTimer(t.key, t.namespace, t.time);
                }
            }
        }

        long next() {
            Timer<K, N> t;
            while ((t = queue.peek()) != null) {
                HashSet<Timer<K, N>> set = byGroup[t.keyGroup - backend.keyGroupRange().startKeyGroup()];
                if (set != null && set.contains(t)) {
                    return t.time;
                }
                queue.poll();
            }
            return Long.MAX_VALUE;
        }

        void write(int keyGroup, KeyedSnapshotFormat.Writer writer, int stateIndex, SerializedBytes bytes)
                throws IOException {
            HashSet<Timer<K, N>> set = byGroup[keyGroup - backend.keyGroupRange().startKeyGroup()];
            if (set == null) {
                return;
            }
            for (Timer<K, N> t : set) {
                writer.entry(stateIndex, bytes.toBytes(backend.keySerializer(), t.key),
                        bytes.toBytes(namespaceSerializer, t.namespace), SerializedBytes.longBytes(t.time),
                        HeapKeyedStateBackend.EMPTY);
            }
        }

        void load(RestoredEntries.Entry e) {
            add(new Timer<>(SerializedBytes.fromBytes(backend.keySerializer(), e.key()), e.keyGroup(),
                    SerializedBytes.fromBytes(namespaceSerializer, e.namespace()), SerializedBytes.bytesToLong(e.subKey())));
        }
    }

    private final KeyedStateBackend<K> backend;
    final StateSerializer<N> namespaceSerializer;
    private final Timers event;
    private final Timers processing;
    private long currentWatermark = Long.MIN_VALUE;

    HeapTimerService(KeyedStateBackend<K> backend, String name, StateSerializer<N> namespaceSerializer) {
        this.backend = backend;
        this.namespaceSerializer = namespaceSerializer;
        this.event = new Timers(new StateMeta(name, StateMeta.Kind.EVENT_TIMERS, namespaceSerializer.identity(), ""));
        this.processing = new Timers(
                new StateMeta(name, StateMeta.Kind.PROCESSING_TIMERS, namespaceSerializer.identity(), ""));
    }

    StateMeta eventMeta() {
        return event.meta;
    }

    StateMeta processingMeta() {
        return processing.meta;
    }

    void restore(RestoredEntries restored) {
        restored.take(event.meta).forEach(event::load);
        restored.take(processing.meta).forEach(processing::load);
    }

    void write(int keyGroup, KeyedSnapshotFormat.Writer writer, int eventIndex, int processingIndex,
            SerializedBytes bytes) throws IOException {
        event.write(keyGroup, writer, eventIndex, bytes);
        processing.write(keyGroup, writer, processingIndex, bytes);
    }

    @Override
    public void registerEventTimeTimer(N namespace, long time) {
        event.register(namespace, time);
    }

    @Override
    public void deleteEventTimeTimer(N namespace, long time) {
        event.delete(namespace, time);
    }

    @Override
    public void registerProcessingTimeTimer(N namespace, long time) {
        processing.register(namespace, time);
    }

    @Override
    public void deleteProcessingTimeTimer(N namespace, long time) {
        processing.delete(namespace, time);
    }

    @Override
    public void advanceWatermark(long watermark, Callback<K, N> callback) throws Exception {
        currentWatermark = Math.max(currentWatermark, watermark);
        event.fireUpTo(watermark, callback);
    }

    @Override
    public void advanceProcessingTime(long now, Callback<K, N> callback) throws Exception {
        processing.fireUpTo(now, callback);
    }

    @Override
    public long currentWatermark() {
        return currentWatermark;
    }

    @Override
    public long nextProcessingTime() {
        return processing.next();
    }

    @Override
    public int numTimers() {
        return event.count + processing.count;
    }
}
