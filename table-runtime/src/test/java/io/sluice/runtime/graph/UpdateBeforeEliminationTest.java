package io.sluice.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.connector.ChangelogMode;
import io.sluice.runtime.operator.StreamOperator;
import io.sluice.runtime.operator.UpdateBeforeOptional;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.types.RowKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Update-before rows are dropped only on a projection-only path from an upsert sink to their producer. */
class UpdateBeforeEliminationTest {
    private static final RowType TYPE = new RowType(List.of("k"), List.of(LogicalType.integer()));
    private static final ChangelogMode RETRACT = ChangelogMode.of(RowKind.INSERT, RowKind.UPDATE_BEFORE,
            RowKind.UPDATE_AFTER);

    private static OperatorTransformation producer(boolean[] dropped) {
        OperatorTransformation p = new OperatorTransformation("GroupAggregate", List.of(), () -> new Producer(dropped),
                TYPE).withUpdateBeforeOptional();
        p.withChangelogMode(RETRACT);
        return p;
    }

    private static OperatorTransformation calc(Transformation in, boolean projectionOnly) {
        OperatorTransformation c = new OperatorTransformation("Calc", List.of(in), () -> null, TYPE);
        c.withChangelogMode(in.changelogMode());
        return projectionOnly ? c.withProjectionOnly() : c;
    }

    @Test
    void aProjectionAboveTheProducerPassesTheRequestDown() {
        boolean[] dropped = new boolean[1];
        OperatorTransformation agg = producer(dropped);
        OperatorTransformation top = calc(calc(agg, true), true);
        assertTrue(UpdateBeforeElimination.apply(top));
        assertEquals(ChangelogMode.of(RowKind.INSERT, RowKind.UPDATE_AFTER), agg.changelogMode());
        assertEquals(agg.changelogMode(), top.changelogMode());
        agg.factory().create();
        assertTrue(dropped[0], "the created operator was told to leave out -U rows");
    }

    @Test
    void aFilterOrAJoinOnTheWayKeepsUpdateBefore() {
        boolean[] dropped = new boolean[1];
        OperatorTransformation agg = producer(dropped);
        assertFalse(UpdateBeforeElimination.apply(calc(agg, false)));
        assertEquals(RETRACT, agg.changelogMode());

        OperatorTransformation shared = producer(dropped);
        OperatorTransformation join = new OperatorTransformation("Join", List.of(calc(shared, true), shared),
                () -> null, TYPE);
        join.withChangelogMode(RETRACT);
        OperatorTransformation top = calc(join, true);
        assertFalse(UpdateBeforeElimination.apply(top));
        agg.factory().create();
        assertFalse(dropped[0]);
    }

    /** Records whether it was asked to drop update-before rows. */
    private static final class Producer implements StreamOperator, UpdateBeforeOptional {
        private final boolean[] dropped;

        Producer(boolean[] dropped) {
            this.dropped = dropped;
        }

        @Override
        public void dropUpdateBefore() {
            dropped[0] = true;
        }

        @Override
        public void open(io.sluice.runtime.operator.OperatorContext context, io.sluice.runtime.operator.Output output) {
        }

        @Override
        public void processBatch(int input, io.sluice.runtime.data.RowBatch batch) {
            batch.close();
        }

        @Override
        public void endInput(int input) {
        }

        @Override
        public void close() {
        }
    }
}
