package io.sluice.connector.jdbc;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.DynamicTableSourceFactory;
import io.sluice.runtime.connector.ReadStatus;
import io.sluice.runtime.connector.ReaderContext;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.SourceReader;
import io.sluice.runtime.connector.TableContext;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.Output;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Test source {@code 'connector' = 'gated-keys'} with one INT column: emits a batch holding the key 1, then
 * waits until {@link #GATE} is opened, then emits the key 1 again and ends. Lets a test change PostgreSQL
 * between two lookups of one lookup join.
 */
public final class GatedKeySourceFactory implements DynamicTableSourceFactory {
    /** Opened by the test once the first lookup's result arrived. */
    static volatile CountDownLatch gate = new CountDownLatch(1);

    @Override
    public String factoryIdentifier() {
        return "gated-keys";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public ScanTableSource createDynamicTableSource(TableContext context) {
        return new ScanTableSource() {
            @Override
            public boolean isBounded() {
                return true;
            }

            @Override
            public SourceReader createReader(ReaderContext ctx) {
                return new Reader(ctx);
            }

            @Override
            public String describe() {
                return "gated-keys";
            }
        };
    }

    private static final class Reader implements SourceReader {
        private final ReaderContext context;
        private int emitted;

        Reader(ReaderContext context) {
            this.context = context;
        }

        @Override
        public void open() {
        }

        @Override
        public ReadStatus pollNext(Output output) throws Exception {
            if (emitted == 2) {
                return ReadStatus.END_OF_INPUT;
            }
            if (emitted == 1 && gate.getCount() > 0) {
                return ReadStatus.NOTHING_AVAILABLE;
            }
            RowBatch batch = RowBatch.allocate(context.producedType(), context.allocator(), 1);
            for (int c = 0; c < context.producedType().size(); c++) {
                VectorValues.set(context.producedType().type(c), batch.vector(c), 0, 1);
            }
            batch.setRowCount(1);
            emitted++;
            output.emit(batch);
            return ReadStatus.MORE_AVAILABLE;
        }

        @Override
        public void close() {
        }
    }
}
