package io.sluice.datastream.runtime.sink;

import io.sluice.api.common.TaskInfo;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Collects a job's records for {@code executeAndCollect} in this JVM. With checkpointing it is exactly-once: an
 * instance hands its records to the client only when the checkpoint after them completes (or the input ends), and
 * a restarted job discards what it had written after its restored checkpoint.
 */
public final class CollectSink implements RecordSink {
    private static final long serialVersionUID = 1L;
    private static final Map<String, Results> RESULTS = new ConcurrentHashMap<>();
    private final String id = UUID.randomUUID().toString();

    /** The records published so far, for the client; registered until {@link #release}. */
    public Results results() {
        return RESULTS.computeIfAbsent(id, k -> new Results());
    }

    /** Forgets the results (the client is done). */
    public void release() {
        RESULTS.remove(id);
    }

    /** The shared result buffer: published records, and per instance the records prepared per checkpoint. */
    public static final class Results {
        private final LinkedBlockingQueue<Object> published = new LinkedBlockingQueue<>();
        private final Map<Integer, TreeMap<Long, List<Object>>> prepared = new ConcurrentHashMap<>();
        private final Map<Integer, TreeMap<Long, List<Object>>> orphaned = new ConcurrentHashMap<>();

        /** The queue the client reads. */
        public LinkedBlockingQueue<Object> published() {
            return published;
        }

        synchronized void prepare(int subtask, long checkpointId, List<Object> records) {
            prepared.computeIfAbsent(subtask, k -> new TreeMap<>()).put(checkpointId, records);
        }

        synchronized void commit(int subtask, long upTo) {
            TreeMap<Long, List<Object>> p = prepared.get(subtask);
            if (p == null) {
                return;
            }
            var head = p.headMap(upTo, true);
            for (List<Object> records : head.values()) {
                published.addAll(records);
            }
            head.clear();
        }

        /** A new attempt starts: what this instance prepared before is kept aside until a restore decides. */
        synchronized void startAttempt(int subtask) {
            TreeMap<Long, List<Object>> p = prepared.remove(subtask);
            if (p != null) {
                orphaned.put(subtask, p);
            }
        }

        /** The restored checkpoint: commit what was prepared up to it, drop what came after. */
        synchronized void restore(int subtask, long checkpointId) {
            TreeMap<Long, List<Object>> o = orphaned.remove(subtask);
            if (o != null) {
                for (List<Object> records : o.headMap(checkpointId, true).values()) {
                    published.addAll(records);
                }
            }
        }

        synchronized void dropOrphans(int subtask) {
            orphaned.remove(subtask);
        }
    }

    @Override
    public Writer createWriter(TaskInfo task, boolean checkpointing) {
        Results results = RESULTS.get(id);
        if (results == null) {
            throw new IllegalStateException("The client of executeAndCollect is gone");
        }
        int subtask = task.getIndexOfThisSubtask();
        results.startAttempt(subtask);
        return new Writer() {
            private List<Object> pending = new ArrayList<>();
            private boolean restored;

            private void settle() {
                if (!restored) {
                    restored = true;
                    results.dropOrphans(subtask);
                }
            }

            @Override
            public void write(Object record, long timestamp, long watermark) {
                settle();
                if (checkpointing) {
                    pending.add(record);
                } else {
                    results.published().add(record);
                }
            }

            @Override
            public void finish() {
                settle();
                results.commit(subtask, Long.MAX_VALUE);
                results.published().addAll(pending);
                pending = new ArrayList<>();
            }

            @Override
            public byte[] snapshotState(long checkpointId) {
                settle();
                results.prepare(subtask, checkpointId, pending);
                pending = new ArrayList<>();
                return ByteBuffer.allocate(8).putLong(checkpointId).array();
            }

            @Override
            public void notifyCheckpointComplete(long checkpointId) {
                results.commit(subtask, checkpointId);
            }

            @Override
            public void restoreState(byte[] state) {
                restored = true;
                results.restore(subtask, ByteBuffer.wrap(state).getLong());
            }

            @Override
            public void close() {
            }
        };
    }
}
