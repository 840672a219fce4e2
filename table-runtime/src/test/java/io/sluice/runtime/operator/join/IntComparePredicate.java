package io.sluice.runtime.operator.join;

import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A hand-written stand-in for generated code: {@code $a < $b} over two INT columns, TRUE only when
 * both are non-NULL. References: {@code {a, b}} as Integers.
 */
public final class IntComparePredicate implements BatchPredicate {
    private final int a;
    private final int b;

    public IntComparePredicate(Object[] references) {
        this.a = (Integer) references[0];
        this.b = (Integer) references[1];
    }

    public static GeneratedClass<BatchPredicate> lessThan(int a, int b) {
        int[] read = a == b ? new int[] {a} : new int[] {Math.min(a, b), Math.max(a, b)};
        return new GeneratedClass<BatchPredicate>("IntComparePredicate", "// hand-written", IntComparePredicate.class,
                new Object[] {a, b}).withInputColumns(read);
    }

    @Override
    public int filter(VectorSchemaRoot input, int rowCount, int[] selection) {
        IntVector x = (IntVector) input.getVector(a);
        IntVector y = (IntVector) input.getVector(b);
        int n = 0;
        for (int i = 0; i < rowCount; i++) {
            if (!x.isNull(i) && !y.isNull(i) && x.get(i) < y.get(i)) {
                selection[n++] = i;
            }
        }
        return n;
    }
}
