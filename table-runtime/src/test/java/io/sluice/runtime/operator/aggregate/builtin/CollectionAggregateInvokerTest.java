package io.sluice.runtime.operator.aggregate.builtin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import io.sluice.types.Row;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ARRAY_AGG and COLLECT accumulators over ROW and ARRAY values: add, retract, results and checkpoint form. */
class CollectionAggregateInvokerTest {
    private static final LogicalType ROW = LogicalType.row(List.of("id", "tags"),
            List.of(LogicalType.integer(), LogicalType.array(LogicalType.string())));
    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private FieldVector rows(Row... values) {
        FieldVector v = ArrowTypes.toField("r", ROW).createVector(allocator);
        v.allocateNew();
        for (int i = 0; i < values.length; i++) {
            VectorValues.set(ROW, v, i, values[i]);
        }
        v.setValueCount(values.length);
        return v;
    }

    private static UserAggregateInvoker invoker(Class<? extends BuiltInAggregateInvoker> c, Object... parameters) {
        return BuiltInAggregateInvoker.generated(c, new LogicalType[] {ROW}, parameters).newInstance();
    }

    private static Object roundTrip(Object acc) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(acc);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    private static Object[] array(Object value) {
        return ((Collection<?>) value).toArray();
    }

    @Test
    void arrayAggKeepsRowsRetractsByContentAndSurvivesACheckpoint() throws Exception {
        Row a = Row.of(1, new String[] {"x", "y"});
        Row b = Row.of(2, new String[] {});
        try (FieldVector v = rows(a, null, b, Row.of(1, new String[] {"x", "y"}))) {
            FieldVector[] args = {v};
            UserAggregateInvoker agg = invoker(ArrayAggInvoker.class, false);
            Object acc = agg.createAccumulator();
            assertNull(agg.getValue(acc));
            agg.accumulateBatch(new Object[] {acc}, new int[] {0, 0, 0}, args, 3);
            assertArrayEquals(new Object[] {a, null, b}, array(agg.getValue(acc)));
            acc = roundTrip(acc);
            assertArrayEquals(new Object[] {a, null, b}, array(agg.getValue(acc)));
            agg.retract(acc, args, 3); // an equal row, not the same object
            agg.retract(acc, args, 1);
            assertArrayEquals(new Object[] {b}, array(agg.getValue(acc)));
            agg.retract(acc, args, 2);
            assertNull(agg.getValue(acc));

            UserAggregateInvoker ignoring = invoker(ArrayAggInvoker.class, true);
            Object acc2 = ignoring.createAccumulator();
            ignoring.accumulateBatch(new Object[] {acc2}, new int[] {0, 0, 0}, args, 3);
            assertArrayEquals(new Object[] {a, b}, array(ignoring.getValue(acc2)));
        }
    }

    @Test
    void collectCountsRowsAndCancelsEarlyRetractions() throws Exception {
        Row a = Row.of(1, new String[] {"x", "y"});
        try (FieldVector v = rows(a, Row.of(1, new String[] {"x", "y"}), null, Row.of(3, null))) {
            FieldVector[] args = {v};
            UserAggregateInvoker agg = invoker(CollectInvoker.class);
            Object acc = agg.createAccumulator();
            assertEquals(Map.of(), agg.getValue(acc));
            agg.retract(acc, args, 3); // before its value arrives: remembered, not shown
            assertEquals(Map.of(), agg.getValue(acc));
            agg.accumulateBatch(new Object[] {acc}, new int[] {0, 0, 0, 0}, args, 4);
            acc = roundTrip(acc);
            Map<?, ?> result = (Map<?, ?>) agg.getValue(acc);
            assertEquals(1, result.size());
            assertEquals(2, result.get(a));
            agg.retract(acc, args, 0);
            assertEquals(1, ((Map<?, ?>) agg.getValue(acc)).get(a));
        }
    }
}
