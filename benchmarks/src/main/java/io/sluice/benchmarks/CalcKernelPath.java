package io.sluice.benchmarks;

import io.sluice.codegen.CodeGenerator;
import io.sluice.codegen.RelTypes;
import io.sluice.codegen.SluiceTypeSystem;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.data.RowBatch;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Only the generated Calc kernel of the benchmark query ({@code WHERE qty > 5 AND channel <> 'x'},
 * projecting {@code key, price * qty, price}), compiled with {@link CodeGenerator} directly and run
 * over the {@link OrdersDataset} batches in place: no planner, no source copy, no aggregation. Per
 * batch it does what {@code CalcOperator} does: allocate output vectors for all rows, run the kernel,
 * set the row count, release the output.
 */
public final class CalcKernelPath {
    private final BatchCalc kernel;
    private final RowType outputType;
    private final String source;

    public CalcKernelPath() {
        RelDataTypeFactory tf = new JavaTypeFactoryImpl(SluiceTypeSystem.INSTANCE);
        RexBuilder rex = new RexBuilder(tf);
        RelDataType bigint = nullable(tf, tf.createSqlType(SqlTypeName.BIGINT));
        RelDataType integer = nullable(tf, tf.createSqlType(SqlTypeName.INTEGER));
        RelDataType string = nullable(tf, tf.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE));
        RelDataType input = tf.builder().add("id", bigint).add("key", integer).add("price", bigint)
                .add("qty", integer).add("channel", string).build();
        RexNode key = ref(rex, input, OrdersDataset.KEY);
        RexNode price = ref(rex, input, OrdersDataset.PRICE);
        RexNode qty = ref(rex, input, OrdersDataset.QTY);
        RexNode channel = ref(rex, input, OrdersDataset.CHANNEL);
        RexNode condition = rex.makeCall(SqlStdOperatorTable.AND,
                rex.makeCall(SqlStdOperatorTable.GREATER_THAN, qty, rex.makeExactLiteral(java.math.BigDecimal.valueOf(5))),
                rex.makeCall(SqlStdOperatorTable.NOT_EQUALS, channel, rex.makeLiteral("x", tf.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), false)));
        List<RexNode> projects = List.of(key, rex.makeCall(SqlStdOperatorTable.MULTIPLY, price, qty), price);
        GeneratedClass<BatchCalc> generated = new CodeGenerator(new Configuration())
                .generateCalc("benchmark calc", input, condition, projects);
        kernel = generated.newInstance();
        source = generated.source();
        List<String> names = List.of("key", "revenue", "price");
        List<LogicalType> types = new ArrayList<>();
        for (RexNode p : projects) {
            types.add(RelTypes.toLogicalType(p.getType()));
        }
        outputType = new RowType(names, types);
    }

    private static RexNode ref(RexBuilder rex, RelDataType row, int field) {
        return rex.makeInputRef(row.getFieldList().get(field).getType(), field);
    }

    private static RelDataType nullable(RelDataTypeFactory tf, RelDataType t) {
        return tf.createTypeWithNullability(t, true);
    }

    /** The generated Java source, for the report. */
    public String source() {
        return source;
    }

    /** Runs the kernel over every batch; returns the number of rows that passed the filter. */
    public long run(List<RowBatch> batches, BufferAllocator allocator) {
        long passed = 0;
        for (RowBatch b : batches) {
            int rows = b.rowCount();
            try (RowBatch out = RowBatch.allocate(outputType, allocator, rows)) {
                List<FieldVector> vectors = out.root().getFieldVectors();
                int written = kernel.process(b.root(), rows, vectors.toArray(new ValueVector[0]));
                out.setRowCount(written);
                passed += written;
            }
        }
        return passed;
    }
}
