package io.sluice.cli.rowlevel;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.DynamicTableSinkFactory;
import io.sluice.runtime.connector.DynamicTableSourceFactory;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.connector.SupportsDeletePushDown;
import io.sluice.runtime.connector.SupportsRowLevelDelete;
import io.sluice.runtime.connector.SupportsRowLevelUpdate;
import io.sluice.runtime.connector.SupportsTruncate;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.connector.WriterContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.Output;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test connector {@code 'connector' = 'test-update-delete'} for the scripts of row-level modification: a table whose
 * rows live in memory under its {@code 'data-id'} ({@link #register}). It is read as a bounded source and supports
 * TRUNCATE TABLE, DELETE without condition (pushed down, reporting the rows deleted) and DELETE / UPDATE of single
 * rows by primary key.
 */
public final class UpdateDeleteTableFactory implements DynamicTableSourceFactory, DynamicTableSinkFactory {
    static final ConfigOption<String> DATA_ID = ConfigOptions.key("data-id").stringType().noDefaultValue();
    static final ConfigOption<Boolean> MIX_DELETE = ConfigOptions.key("mix-delete").booleanType().defaultValue(false);

    private static final Map<String, List<Object[]>> DATA = new ConcurrentHashMap<>();

    /** Stores {@code rows} under a data id for tables created with {@code 'data-id' = id}. */
    public static void register(String id, List<Object[]> rows) {
        DATA.put(id, new ArrayList<>(rows));
    }

    @Override
    public String factoryIdentifier() {
        return "test-update-delete";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(DATA_ID);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(MIX_DELETE);
    }

    private static List<Object[]> rows(TableContext context) {
        String id = context.get(DATA_ID);
        List<Object[]> rows = DATA.get(id);
        if (rows == null) {
            throw new io.sluice.table.api.ValidationException("No data registered for data-id '" + id + "'.");
        }
        return rows;
    }

    @Override
    public ScanTableSource createDynamicTableSource(TableContext context) {
        List<Object[]> rows = rows(context);
        return new ScanTableSource() {
            @Override
            public boolean isBounded() {
                return true;
            }

            @Override
            public SourceReader createReader(ReaderContext ctx) {
                List<Object[]> snapshot;
                synchronized (rows) {
                    snapshot = ctx.subtaskIndex() == 0 ? new ArrayList<>(rows) : List.of();
                }
                return new Reader(ctx, snapshot);
            }

            @Override
            public String describe() {
                return "test-update-delete";
            }
        };
    }

    @Override
    public DynamicTableSink createDynamicTableSink(TableContext context) {
        return new Sink(rows(context), context.physicalRowType(), context.primaryKey());
    }

    private static final class Reader implements SourceReader {
        private final ReaderContext context;
        private final List<Object[]> rows;
        private boolean done;

        Reader(ReaderContext context, List<Object[]> rows) {
            this.context = context;
            this.rows = rows;
        }

        @Override
        public void open() {
        }

        @Override
        public ReadStatus pollNext(Output output) throws Exception {
            if (done) {
                return ReadStatus.END_OF_INPUT;
            }
            done = true;
            RowType type = context.producedType();
            int[] fields = context.projectedFields();
            RowBatch batch = RowBatch.allocate(type, context.allocator(), Math.max(1, rows.size()));
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < type.size(); c++) {
                    VectorValues.set(type.type(c), batch.vector(c), r, rows.get(r)[fields == null ? c : fields[c]]);
                }
            }
            batch.setRowCount(rows.size());
            output.emit(batch);
            return ReadStatus.END_OF_INPUT;
        }

        @Override
        public void close() {
        }
    }

    private static final class Sink implements DynamicTableSink, SupportsTruncate, SupportsDeletePushDown,
            SupportsRowLevelDelete, SupportsRowLevelUpdate {
        private final List<Object[]> rows;
        private final RowType type;
        private final int[] key;

        Sink(List<Object[]> rows, RowType type, List<String> primaryKey) {
            this.rows = rows;
            this.type = type;
            this.key = primaryKey.stream().mapToInt(type::indexOf).toArray();
        }

        @Override
        public ChangelogMode getChangelogMode(ChangelogMode requestedMode) {
            return ChangelogMode.upsert();
        }

        @Override
        public void executeTruncation() {
            synchronized (rows) {
                rows.clear();
            }
        }

        @Override
        public Optional<Long> executeDeletion() {
            synchronized (rows) {
                long n = rows.size();
                rows.clear();
                return Optional.of(n);
            }
        }

        @Override
        public void applyRowLevelDelete() {
        }

        @Override
        public void applyRowLevelUpdate(List<String> updatedColumns) {
        }

        private boolean sameKey(Object[] a, Object[] b) {
            if (key.length == 0) {
                return Arrays.equals(a, b);
            }
            for (int k : key) {
                if (!java.util.Objects.equals(a[k], b[k])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public SinkWriter createWriter(WriterContext context) {
            return new SinkWriter() {
                @Override
                public void open() {
                }

                @Override
                public void write(RowBatch batch) {
                    synchronized (rows) {
                        for (int r = 0; r < batch.rowCount(); r++) {
                            Object[] row = new Object[type.size()];
                            for (int c = 0; c < row.length; c++) {
                                row[c] = VectorValues.get(type.type(c), batch.vector(c), r);
                            }
                            RowKind kind = batch.rowKind(r);
                            rows.removeIf(existing -> sameKey(existing, row));
                            if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
                                rows.add(row);
                            }
                        }
                    }
                }

                @Override
                public void finish() {
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public String describe() {
            return "test-update-delete";
        }
    }
}
