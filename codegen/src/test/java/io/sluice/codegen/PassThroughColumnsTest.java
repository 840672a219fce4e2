package io.sluice.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.generated.BatchCalc;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A filter-free Calc whose caller gives up its input: output columns that are input columns take the input's
 * buffers after the loop (no per-value copy), once per input column; other outputs still read the input during the
 * loop; wide DECIMAL values round-trip through the long fast path and the BigDecimal path alike.
 */
class PassThroughColumnsTest {
    private BufferAllocator allocator;
    private final JavaTypeFactoryImpl types = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);
    private final RexBuilder rex = new RexBuilder(types);

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private RelDataType nullable(SqlTypeName name, int... precisionScale) {
        RelDataType t = precisionScale.length == 0 ? types.createSqlType(name)
                : precisionScale.length == 1 ? types.createSqlType(name, precisionScale[0])
                : types.createSqlType(name, precisionScale[0], precisionScale[1]);
        return types.createTypeWithNullability(t, true);
    }

    @Test
    void inputColumnsMoveToTheOutputOnceAndExpressionsStillReadThem() throws Exception {
        RelDataType in = types.builder().add("a", nullable(SqlTypeName.INTEGER))
                .add("s", nullable(SqlTypeName.VARCHAR, Integer.MAX_VALUE))
                .add("d", nullable(SqlTypeName.DECIMAL, 30, 2)).build();
        RexNode a = rex.makeInputRef(in.getFieldList().get(0).getType(), 0);
        RexNode s = rex.makeInputRef(in.getFieldList().get(1).getType(), 1);
        RexNode d = rex.makeInputRef(in.getFieldList().get(2).getType(), 2);
        RexNode aPlusOne = rex.makeCall(SqlStdOperatorTable.PLUS, a, rex.makeExactLiteral(BigDecimal.ONE));
        BatchCalc calc = new CodeGenerator(new Configuration())
                .generateCalc("pass-through", in, null, List.of(s, a, s, aPlusOne, d), true).newInstance();

        try (IntVector av = new IntVector("a", allocator);
                VarCharVector sv = new VarCharVector("s", allocator);
                DecimalVector dv = new DecimalVector("d", allocator, 30, 2);
                VarCharVector out0 = new VarCharVector("o0", allocator);
                IntVector out1 = new IntVector("o1", allocator);
                VarCharVector out2 = new VarCharVector("o2", allocator);
                IntVector out3 = new IntVector("o3", allocator);
                DecimalVector out4 = new DecimalVector("o4", allocator, 30, 2)) {
            int rows = 3;
            av.allocateNew(rows);
            sv.allocateNew(rows);
            dv.allocateNew(rows);
            av.set(0, 7);
            av.setNull(1);
            av.set(2, -2);
            sv.setSafe(0, "x".getBytes(StandardCharsets.UTF_8));
            sv.setSafe(1, "yy".getBytes(StandardCharsets.UTF_8));
            sv.setNull(2);
            BigDecimal wide = new BigDecimal("1234567890123456789012.34");
            dv.set(0, new BigDecimal("12.50"));
            dv.set(1, wide);
            dv.setNull(2);
            av.setValueCount(rows);
            sv.setValueCount(rows);
            dv.setValueCount(rows);
            VectorSchemaRoot input = new VectorSchemaRoot(List.of(av, sv, dv));
            for (ValueVector v : new ValueVector[] {out0, out1, out2, out3, out4}) {
                v.allocateNew();
            }
            int written = calc.process(input, rows, new ValueVector[] {out0, out1, out2, out3, out4});
            assertEquals(rows, written);
            for (ValueVector v : new ValueVector[] {out0, out1, out2, out3, out4}) {
                v.setValueCount(rows);
            }
            assertEquals("x", new String(out0.get(0), StandardCharsets.UTF_8));
            assertEquals("yy", new String(out0.get(1), StandardCharsets.UTF_8));
            assertTrue(out0.isNull(2));
            assertEquals("yy", new String(out2.get(1), StandardCharsets.UTF_8)); // the second use copies
            assertEquals(7, out1.get(0));
            assertTrue(out1.isNull(1));
            assertEquals(8, out3.get(0)); // computed while the input still had its buffers
            assertEquals(-1, out3.get(2));
            assertEquals(new BigDecimal("12.50"), out4.getObject(0));
            assertEquals(wide, out4.getObject(1));
            assertNull(out4.getObject(2));
            assertEquals(0, sv.getValueCount(), "the input column gave its buffers away");
        }
    }

    @Test
    void aCalleeThatKeepsItsInputGetsCopies() throws Exception {
        RelDataType in = types.builder().add("a", nullable(SqlTypeName.INTEGER)).build();
        RexNode a = rex.makeInputRef(in.getFieldList().get(0).getType(), 0);
        BatchCalc calc = new CodeGenerator(new Configuration()).generateCalc("copy", in, null, List.of(a))
                .newInstance();
        try (IntVector av = new IntVector("a", allocator); IntVector out = new IntVector("o", allocator)) {
            av.allocateNew(2);
            av.set(0, 1);
            av.set(1, 2);
            av.setValueCount(2);
            out.allocateNew(2);
            calc.process(new VectorSchemaRoot(List.of(av)), 2, new ValueVector[] {out});
            out.setValueCount(2);
            assertEquals(2, out.get(1));
            assertEquals(2, av.getValueCount());
            assertEquals(2, av.get(1));
        }
    }
}
