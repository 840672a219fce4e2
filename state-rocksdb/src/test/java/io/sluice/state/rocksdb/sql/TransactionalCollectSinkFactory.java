package io.sluice.state.rocksdb.sql;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.DynamicTableSinkFactory;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.runtime.data.RowBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Test connector {@code transactional-collect}: an exactly-once sink of changelogs into memory. Rows written between
 * two checkpoints form a transaction that the checkpoint prepares and its completion publishes to
 * {@link #published(String)} under the table's {@code sink-id}; a restored writer publishes what its checkpoint prepared
 * (once, also when it takes over a writer of a run at another parallelism) and drops what was written after
 * it. With {@code fail-after-rows} the writer throws once, while {@link #ARMED}, after that many rows: a failure
 * between two checkpoints.
 */
public final class TransactionalCollectSinkFactory implements DynamicTableSinkFactory {
    static final ConfigOption<String> SINK_ID = ConfigOptions.key("sink-id").stringType().noDefaultValue()
            .withDescription("Where the published rows go.");
    static final ConfigOption<Long> FAIL_AFTER_ROWS = ConfigOptions.key("fail-after-rows").longType().defaultValue(0L)
            .withDescription("Rows after which the writer fails once.");

    /** Set by a test; the first writer that passes its row count clears it and fails. */
    static final AtomicBoolean ARMED = new AtomicBoolean();

    /** Published rows ({@code +I[..]}, {@code -U[..]}, ...) by sink id. */
    static final Map<String, List<String>> PUBLISHED = new ConcurrentHashMap<>();
    private static final Set<String> PUBLISHED_TRANSACTIONS = ConcurrentHashMap.newKeySet();

    static List<String> published(String sinkId) {
        return PUBLISHED.computeIfAbsent(sinkId, k -> java.util.Collections.synchronizedList(new ArrayList<>()));
    }

    @Override
    public String factoryIdentifier() {
        return "transactional-collect";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(SINK_ID);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(FAIL_AFTER_ROWS);
    }

    @Override
    public DynamicTableSink createDynamicTableSink(TableContext context) {
        String sinkId = context.get(SINK_ID);
        long failAfter = context.get(FAIL_AFTER_ROWS);
        return new DynamicTableSink() {
            @Override
            public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
                return requestedMode;
            }

            @Override
            public SinkWriter createWriter(WriterContext writerContext) {
                return new Writer(sinkId, writerContext.subtaskIndex(), failAfter);
            }

            @Override
            public String describe() {
                return "transactional-collect(" + sinkId + ")";
            }
        };
    }

    private static final class Writer implements SinkWriter {
        private final String sinkId;
        private final int subtask;
        private final long failAfter;
        private long rows;
        private List<String> pending = new ArrayList<>();
        /** Prepared transactions by checkpoint id, not published yet. */
        private final TreeMap<Long, List<String>> prepared = new TreeMap<>();

        Writer(String sinkId, int subtask, long failAfter) {
            this.sinkId = sinkId;
            this.subtask = subtask;
            this.failAfter = failAfter;
        }

        @Override
        public void open() {
        }

        @Override
        public void write(RowBatch batch) {
            for (int i = 0; i < batch.rowCount(); i++) {
                pending.add(batch.getRow(i).toString());
            }
            rows += batch.rowCount();
            if (failAfter > 0 && rows >= failAfter && ARMED.compareAndSet(true, false)) {
                throw new IllegalStateException("injected failure after " + rows + " rows");
            }
        }

        @Override
        public byte[] snapshotState(long checkpointId) throws Exception {
            prepared.put(checkpointId, pending);
            pending = new ArrayList<>();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(subtask);
            out.writeInt(prepared.size());
            for (Map.Entry<Long, List<String>> t : prepared.entrySet()) {
                out.writeLong(t.getKey());
                out.writeInt(t.getValue().size());
                for (String row : t.getValue()) {
                    out.writeUTF(row);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            while (!prepared.isEmpty() && prepared.firstKey() <= checkpointId) {
                Map.Entry<Long, List<String>> t = prepared.pollFirstEntry();
                publish(subtask, t.getKey(), t.getValue());
            }
        }

        @Override
        public void restoreState(byte[] state) throws Exception {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(state));
            int writer = in.readInt(); // the writer of the earlier run (another one when the job was rescaled)
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                long id = in.readLong();
                List<String> rows = new ArrayList<>();
                for (int r = in.readInt(); r > 0; r--) {
                    rows.add(in.readUTF());
                }
                publish(writer, id, rows);
            }
        }

        private void publish(int writer, long checkpointId, List<String> rows) {
            if (PUBLISHED_TRANSACTIONS.add(sinkId + "/" + writer + "/" + checkpointId)) {
                published(sinkId).addAll(rows);
            }
        }

        @Override
        public void finish() {
            notifyCheckpointComplete(Long.MAX_VALUE);
            published(sinkId).addAll(pending);
            pending = new ArrayList<>();
        }

        @Override
        public void close() {
        }
    }
}
