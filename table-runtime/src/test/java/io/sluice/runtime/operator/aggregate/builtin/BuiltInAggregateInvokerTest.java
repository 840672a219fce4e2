package io.sluice.runtime.operator.aggregate.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.TableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The accumulators of the built-in collection aggregates: add, retract, results, and Java serialization. */
class BuiltInAggregateInvokerTest {
    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    private VarCharVector strings(String... values) {
        VarCharVector v = new VarCharVector("s", allocator);
        v.allocateNew();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                v.setNull(i);
            } else {
                v.setSafe(i, values[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        v.setValueCount(values.length);
        return v;
    }

    private Float8Vector doubles(Double... values) {
        Float8Vector v = new Float8Vector("d", allocator);
        v.allocateNew(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                v.setNull(i);
            } else {
                v.set(i, values[i]);
            }
        }
        v.setValueCount(values.length);
        return v;
    }

    private IntVector ints(Integer... values) {
        IntVector v = new IntVector("i", allocator);
        v.allocateNew(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                v.setNull(i);
            } else {
                v.set(i, values[i]);
            }
        }
        v.setValueCount(values.length);
        return v;
    }

    private static UserAggregateInvoker invoker(Class<? extends BuiltInAggregateInvoker> c, LogicalType[] types,
            Object... parameters) {
        return BuiltInAggregateInvoker.generated(c, types, parameters).newInstance();
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

    @Test
    void listAggKeepsArrivalOrderAndRetractsTheEarliestEqualValue() throws Exception {
        try (VarCharVector s = strings("a", null, "b", "a", "c")) {
            UserAggregateInvoker agg = invoker(ListAggInvoker.class, new LogicalType[] {LogicalType.string()});
            Object acc = agg.createAccumulator();
            FieldVector[] args = {s};
            assertNull(agg.getValue(acc));
            agg.accumulateBatch(new Object[] {acc}, new int[] {0, 0, 0, 0, 0}, args, 5);
            assertEquals("a,b,a,c", agg.getValue(acc));
            agg.retract(acc, args, 0);
            assertEquals("b,a,c", agg.getValue(acc));
            acc = roundTrip(acc);
            agg.retract(acc, args, 1); // NULL: ignored
            agg.retract(acc, args, 2);
            agg.retract(acc, args, 2); // no longer held: ignored
            assertEquals("a,c", agg.getValue(acc));
        }
    }

    @Test
    void firstAndLastValueFallBackWhenTheirValueIsRetracted() throws Exception {
        try (VarCharVector s = strings("x", "y", null, "x", "z")) {
            LogicalType[] types = {LogicalType.string()};
            UserAggregateInvoker first = invoker(FirstLastValueInvoker.class, types, true, true);
            UserAggregateInvoker last = invoker(FirstLastValueInvoker.class, types, false, true);
            Object f = first.createAccumulator();
            Object l = last.createAccumulator();
            FieldVector[] args = {s};
            for (int i = 0; i < 5; i++) {
                first.accumulate(f, args, i);
                last.accumulate(l, args, i);
            }
            assertEquals("x", first.getValue(f));
            assertEquals("z", last.getValue(l));
            first.retract(f, args, 0); // the earliest x goes, the later x stays behind y
            assertEquals("y", first.getValue(f));
            f = roundTrip(f);
            first.retract(f, args, 1);
            assertEquals("x", first.getValue(f));
            last.retract(l, args, 4);
            assertEquals("x", last.getValue(l));
            last.retract(l, args, 0);
            last.retract(l, args, 3);
            assertEquals("y", last.getValue(l));
            last.retract(l, args, 1);
            assertNull(last.getValue(l));
        }
    }

    @Test
    void firstAndLastValueWithoutRetractionKeepOneValue() {
        try (IntVector v = ints(null, 3, 4, null)) {
            LogicalType[] types = {LogicalType.integer()};
            UserAggregateInvoker first = invoker(FirstLastValueInvoker.class, types, true, false);
            UserAggregateInvoker last = invoker(FirstLastValueInvoker.class, types, false, false);
            Object f = first.createAccumulator();
            Object l = last.createAccumulator();
            first.accumulateBatch(new Object[] {f}, new int[] {0, 0, 0, 0}, new FieldVector[] {v}, 4);
            last.accumulateBatch(new Object[] {l}, new int[] {0, 0, 0, 0}, new FieldVector[] {v}, 4);
            assertEquals(3, first.getValue(f));
            assertEquals(4, last.getValue(l));
        }
    }

    @Test
    void percentileInterpolatesBetweenNeighbours() throws Exception {
        try (Float8Vector x = doubles(1.0, 2.0, 3.0, 4.0, null); Float8Vector p = doubles(0.25, 0.9, 0.9, 0.9, 0.9)) {
            UserAggregateInvoker agg = invoker(PercentileInvoker.class,
                    new LogicalType[] {LogicalType.doubleType(), LogicalType.doubleType()});
            Object acc = agg.createAccumulator();
            FieldVector[] args = {x, p};
            assertNull(agg.getValue(acc));
            agg.accumulateBatch(new Object[] {acc}, new int[] {0, 0, 0, 0, 0}, args, 5);
            assertEquals(1.75, (Double) agg.getValue(acc), 1e-12); // position 0.75 between 1 and 2
            acc = roundTrip(acc);
            agg.retract(acc, args, 0);
            assertEquals(2.5, (Double) agg.getValue(acc), 1e-12); // 2, 3, 4: position 0.5
        }
        try (Float8Vector x = doubles(1.0); Float8Vector p = doubles(1.5)) {
            UserAggregateInvoker agg = invoker(PercentileInvoker.class,
                    new LogicalType[] {LogicalType.doubleType(), LogicalType.doubleType()});
            assertThrows(TableException.class, () -> agg.accumulate(agg.createAccumulator(), new FieldVector[] {x, p}, 0));
        }
    }

    @Test
    void jsonAggregatesQuoteStringsAndHonourTheNullClause() throws Exception {
        try (VarCharVector k = strings("b", "a", "c"); IntVector v = ints(1, null, 3)) {
            LogicalType[] types = {LogicalType.string(), LogicalType.integer()};
            UserAggregateInvoker object = invoker(JsonObjectAggInvoker.class, types, true, false);
            Object acc = object.createAccumulator();
            FieldVector[] args = {k, v};
            object.accumulateBatch(new Object[] {acc}, new int[] {0, 0, 0}, args, 3);
            assertEquals("{\"a\":null,\"b\":1,\"c\":3}", object.getValue(acc));
            object.retract(acc, args, 0);
            assertEquals("{\"a\":null,\"c\":3}", roundTrip(acc) == null ? null : object.getValue(acc));
            assertThrows(TableException.class, () -> object.accumulate(acc, args, 2));

            UserAggregateInvoker array = invoker(JsonArrayAggInvoker.class,
                    new LogicalType[] {LogicalType.string()}, false, false);
            Object arr = array.createAccumulator();
            array.accumulateBatch(new Object[] {arr}, new int[] {0, 0, 0}, new FieldVector[] {k}, 3);
            assertEquals("[\"b\",\"a\",\"c\"]", array.getValue(arr));
        }
        try (VarCharVector s = strings("q\"x", null)) {
            UserAggregateInvoker array = invoker(JsonArrayAggInvoker.class,
                    new LogicalType[] {LogicalType.string()}, true, false);
            Object arr = array.createAccumulator();
            array.accumulateBatch(new Object[] {arr}, new int[] {0, 0}, new FieldVector[] {s}, 2);
            assertEquals("[\"q\\\"x\",null]", array.getValue(arr));
        }
    }

    @Test
    void jsonArrayAggWritesCollectionsAndRetractsThem() throws Exception {
        LogicalType type = LogicalType.array(LogicalType.row(java.util.List.of("k", "m"),
                java.util.List.of(LogicalType.string(), LogicalType.map(LogicalType.string(), LogicalType.integer()))));
        try (FieldVector v = io.sluice.runtime.types.ArrowTypes.toField("a", type).createVector(allocator)) {
            java.util.Map<String, Integer> m = new java.util.LinkedHashMap<>();
            m.put("x", 1);
            m.put("y", null);
            io.sluice.runtime.data.VectorValues.set(type, v, 0,
                    new io.sluice.types.Row[] {io.sluice.types.Row.of("p", m), null});
            io.sluice.runtime.data.VectorValues.set(type, v, 1, new io.sluice.types.Row[0]);
            io.sluice.runtime.data.VectorValues.set(type, v, 2, null);
            v.setValueCount(3);
            UserAggregateInvoker array = invoker(JsonArrayAggInvoker.class, new LogicalType[] {type}, true, false);
            Object acc = array.createAccumulator();
            FieldVector[] args = {v};
            array.accumulateBatch(new Object[] {acc}, new int[] {0, 0, 0}, args, 3);
            assertEquals("[[{\"k\":\"p\",\"m\":{\"x\":1,\"y\":null}},null],[],null]", array.getValue(acc));
            Object restored = roundTrip(acc);
            array.retract(restored, args, 0);
            assertEquals("[[],null]", array.getValue(restored));
        }
    }
}
