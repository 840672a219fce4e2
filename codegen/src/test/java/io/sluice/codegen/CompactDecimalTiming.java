package io.sluice.codegen;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A timing main (not a test) for generated DECIMAL kernels: runs one calc over a 4096-row batch of
 * {@code c0, c1 DECIMAL(12, 2), c2 DECIMAL(6, 2)} (every 50th c0 NULL) many times and prints the median
 * throughput of 7 passes. Arguments: [batches per pass, default 2000] [SQL select list and WHERE clause].
 */
public final class CompactDecimalTiming {
    private static final int ROWS = 4096;

    private CompactDecimalTiming() {
    }

    public static void main(String[] args) {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        String query = args.length > 1 ? args[1]
                : "c0 + c1, c0 * c2, -c0, CAST(c0 AS DECIMAL(14, 1)), c1 - c0 FROM t WHERE c0 > c1";
        try (BufferAllocator allocator = new RootAllocator()) {
            ExpressionHarness h = new ExpressionHarness(allocator, new Configuration(), LogicalType.decimal(12, 2),
                    LogicalType.decimal(12, 2), LogicalType.decimal(6, 2));
            ExpressionHarness.Planned p = h.plan("SELECT " + query);
            GeneratedClass<BatchCalc> gc = new CodeGenerator(new Configuration()).generateCalc("timing",
                    p.inputType, p.condition, p.projects);
            BatchCalc calc = gc.newInstance();
            Random random = new Random(7);
            Object[][] rows = new Object[ROWS][];
            for (int r = 0; r < ROWS; r++) {
                rows[r] = new Object[] {r % 50 == 0 ? null : BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, 2),
                    BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, 2),
                    BigDecimal.valueOf(random.nextInt(1_000_000) - 500_000, 2)};
            }
            try (VectorSchemaRoot input = h.batch(rows)) {
                ValueVector[] outs = new ValueVector[p.projects.size()];
                for (int k = 0; k < outs.length; k++) {
                    LogicalType t = RelTypes.toLogicalType(p.projects.get(k).getType());
                    FieldVector v = ArrowTypes.toField("o" + k, t).createVector(allocator);
                    ((BaseFixedWidthVector) v).allocateNew(ROWS);
                    outs[k] = v;
                }
                double[] rates = new double[7];
                long checksum = 0;
                for (int pass = -3; pass < rates.length; pass++) {
                    long start = System.nanoTime();
                    for (int b = 0; b < batches; b++) {
                        checksum += calc.process(input, ROWS, outs);
                    }
                    long nanos = System.nanoTime() - start;
                    if (pass >= 0) {
                        rates[pass] = (double) batches * ROWS / (nanos / 1e9);
                    }
                }
                Arrays.sort(rates);
                checksum += ((DecimalVector) outs[0]).getObject(1).unscaledValue().longValue();
                System.out.printf("median %.1f M rows/s (min %.1f, max %.1f) checksum %d%n", rates[3] / 1e6,
                        rates[0] / 1e6, rates[6] / 1e6, checksum);
                for (ValueVector v : outs) {
                    v.close();
                }
            }
        }
    }
}
