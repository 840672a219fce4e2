package io.sluice.codegen.udf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.operator.aggregate.UserAggregateInvoker;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.functions.AggregateFunction;
import io.sluice.table.functions.FunctionContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The generated invoker of user-defined aggregate functions: typed argument reads, NULLs, retract, open/close. */
public class AggregateInvokerGeneratorTest {
    private final RootAllocator allocator = new RootAllocator();

    @AfterEach
    void closeAllocator() {
        allocator.close();
    }

    /** The accumulator of {@link Stats}. */
    public static class StatsAcc {
        public long sum;
        public int nullWeights;
        public StringBuilder labels = new StringBuilder();
    }

    /** sum(v * w) with a primitive v (NULL: row skipped) and a boxed w (NULL counted), plus labels. */
    public static class Stats extends AggregateFunction<String, StatsAcc> {
        private String prefix = "not opened";

        @Override
        public void open(FunctionContext context) {
            prefix = context.getJobParameter("prefix", "?");
        }

        @Override
        public void close() {
            prefix = "closed";
        }

        @Override
        public StatsAcc createAccumulator() {
            return new StatsAcc();
        }

        public void accumulate(StatsAcc acc, long v, Integer w, String label) {
            if (w == null) {
                acc.nullWeights++;
            } else {
                acc.sum += v * w;
            }
            acc.labels.append(label == null ? "-" : label);
        }

        public void retract(StatsAcc acc, long v, Integer w, String label) {
            if (w == null) {
                acc.nullWeights--;
            } else {
                acc.sum -= v * w;
            }
            acc.labels.deleteCharAt(acc.labels.indexOf(label == null ? "-" : label));
        }

        @Override
        public String getValue(StatsAcc acc) {
            return prefix + " " + acc.sum + "/" + acc.nullWeights + "/" + acc.labels;
        }
    }

    /** Concatenates its varargs; no retract. */
    public static class Concat extends AggregateFunction<String, StringBuilder> {
        @Override
        public StringBuilder createAccumulator() {
            return new StringBuilder();
        }

        public void accumulate(StringBuilder acc, String... parts) {
            for (String p : parts) {
                acc.append(p).append(';');
            }
        }

        @Override
        public String getValue(StringBuilder acc) {
            return acc.toString();
        }
    }

    private IntVector ints(Integer... values) {
        IntVector v = new IntVector("i", allocator);
        v.allocateNew(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                v.set(i, values[i]);
            }
        }
        v.setValueCount(values.length);
        return v;
    }

    private VarCharVector strings(String... values) {
        VarCharVector v = new VarCharVector("s", allocator);
        v.allocateNew(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                v.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
            }
        }
        v.setValueCount(values.length);
        return v;
    }

    @Test
    void callsAccumulateAndRetractDirectlyWithTypedArgumentsAndNullSemantics() throws Exception {
        UserFunction f = UserFunction.of("stats", Stats.class);
        // INT arguments: the first widens to the long parameter
        List<LogicalType> types = List.of(LogicalType.integer(), LogicalType.integer(), LogicalType.string());
        GeneratedClass<UserAggregateInvoker> gc = new AggregateInvokerGenerator(new Configuration())
                .generate("test", f, types);
        assertTrue(gc.source().contains("udf0.accumulate((" + StatsAcc.class.getCanonicalName() + ") accs[g]"),
                gc.source());
        assertFalse(gc.source().contains("java.lang.reflect"), gc.source());
        UserAggregateInvoker invoker = gc.newInstance();
        invoker.openFunctions(new FunctionContext(Map.of("prefix", "p"), getClass().getClassLoader()));
        try (IntVector v = ints(2, null, 3, 4, 5); IntVector w = ints(10, 1, null, 1, 100);
                VarCharVector s = strings("a", "b", null, "d", "e")) {
            FieldVector[] args = {v, w, s};
            Object[] accs = {invoker.createAccumulator(), invoker.createAccumulator()};
            invoker.accumulateBatch(accs, new int[] {0, 0, 1, 0, -1}, args, 5);
            assertEquals("p 24/0/ad", invoker.getValue(accs[0]), "row 1 (NULL primitive v) and row 4 skipped");
            assertEquals("p 0/1/-", invoker.getValue(accs[1]), "a NULL boxed w and a NULL string are passed on");
            assertTrue(invoker.canRetract());
            invoker.retract(accs[0], args, 0);
            invoker.retract(accs[0], args, 1); // skipped, as accumulate was
            invoker.accumulate(accs[1], args, 4);
            assertEquals("p 4/0/d", invoker.getValue(accs[0]));
            assertEquals("p 500/1/-e", invoker.getValue(accs[1]));
        }
        invoker.closeFunctions();
        assertEquals("closed 0/0/", invoker.getValue(invoker.createAccumulator()));
        assertTrue(invoker.functionDescription().contains(Stats.class.getName()));
    }

    @Test
    void varargsAndAFunctionWithoutRetract() {
        UserFunction f = UserFunction.of("concat", Concat.class);
        List<LogicalType> types = List.of(LogicalType.string(), LogicalType.string());
        assertFalse(AggregateInvokerGenerator.canRetract(f, types));
        UserAggregateInvoker invoker = new AggregateInvokerGenerator(new Configuration()).generate("t", f, types)
                .newInstance();
        assertFalse(invoker.canRetract());
        try (VarCharVector a = strings("x", "y"); VarCharVector b = strings("1", null)) {
            Object acc = invoker.createAccumulator();
            FieldVector[] args = {a, b};
            invoker.accumulate(acc, args, 0);
            invoker.accumulate(acc, args, 1);
            assertEquals("x;1;y;null;", invoker.getValue(acc));
            assertThrows(IllegalStateException.class, () -> invoker.retract(acc, args, 0));
        }
    }
}
