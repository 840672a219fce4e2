package io.sluice.codegen;

import io.sluice.codegen.functions.BuiltInFunctions;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.data.VectorValues;
import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.types.ArrowTypes;
import io.sluice.runtime.types.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.config.Lex;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;

/**
 * Test helper: plans {@code SELECT <exprs> FROM t [WHERE <cond>]} with Calcite over a table whose
 * columns are c0, c1, ... of the given types, generates a calc or predicate for it, and runs it
 * over an Arrow batch holding the given rows.
 */
final class ExpressionHarness {
    private final BufferAllocator allocator;
    private final List<LogicalType> types;
    private final Configuration config;

    ExpressionHarness(BufferAllocator allocator, Configuration config, LogicalType... types) {
        this.allocator = allocator;
        this.config = config;
        this.types = List.of(types);
    }

    /** The planned projection (and filter) of {@code sql}; the input row type is the table's. */
    static final class Planned {
        RelDataType inputType;
        RexNode condition;
        List<RexNode> projects;
    }

    Planned plan(String sql) {
        SchemaPlus root = Frameworks.createRootSchema(true);
        root.add("t", new AbstractTable() {
            @Override
            public RelDataType getRowType(RelDataTypeFactory f) {
                RelDataTypeFactory.Builder b = f.builder();
                for (int k = 0; k < types.size(); k++) {
                    b.add("c" + k, RelTypes.toRelDataType(types.get(k), f));
                }
                return b.build();
            }
        });
        FrameworkConfig fc = Frameworks.newConfigBuilder()
                .parserConfig(SqlParser.config().withLex(Lex.JAVA)
                        .withConformance(org.apache.calcite.sql.validate.SqlConformanceEnum.LENIENT))
                .sqlValidatorConfig(org.apache.calcite.sql.validate.SqlValidator.Config.DEFAULT
                        .withConformance(org.apache.calcite.sql.validate.SqlConformanceEnum.LENIENT))
                .defaultSchema(root)
                .operatorTable(BuiltInFunctions.operatorTable())
                .typeSystem(SluiceTypeSystem.INSTANCE)
                .build();
        Planner planner = Frameworks.getPlanner(fc);
        try {
            SqlNode parsed = planner.parse(sql);
            SqlNode validated = planner.validate(parsed);
            RelNode rel = planner.rel(validated).project();
            Planned p = new Planned();
            if (rel instanceof Project) {
                p.projects = ((Project) rel).getProjects();
                rel = rel.getInput(0);
            }
            if (rel instanceof Filter) {
                p.condition = ((Filter) rel).getCondition();
                rel = rel.getInput(0);
            }
            p.inputType = rel.getRowType();
            if (p.projects == null) {
                p.projects = new ArrayList<>();
                for (int k = 0; k < types.size(); k++) {
                    p.projects.add(new org.apache.calcite.rex.RexInputRef(k, p.inputType.getFieldList().get(k)
                            .getType()));
                }
            }
            return p;
        } catch (Exception e) {
            throw new RuntimeException("cannot plan " + sql + ": " + e.getMessage(), e);
        } finally {
            planner.close();
        }
    }

    static String explain(RelNode rel) {
        return RelOptUtil.toString(rel);
    }

    VectorSchemaRoot batch(Object[][] rows) {
        List<Field> fields = new ArrayList<>();
        for (int k = 0; k < types.size(); k++) {
            fields.add(ArrowTypes.toField("c" + k, types.get(k)));
        }
        VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
        root.allocateNew();
        for (int r = 0; r < rows.length; r++) {
            for (int k = 0; k < types.size(); k++) {
                VectorValues.set(types.get(k), root.getVector(k), r, rows[r][k]);
            }
        }
        root.setRowCount(rows.length);
        return root;
    }

    /** Runs the calc for {@code sql} over {@code rows}; returns the output rows as external values. */
    List<List<Object>> run(String sql, Object[]... rows) {
        Planned p = plan(sql);
        GeneratedClass<BatchCalc> gc = new CodeGenerator(config).generateCalc("test: " + sql, p.inputType,
                p.condition, p.projects);
        return runCalc(gc, p.projects, rows);
    }

    List<List<Object>> runCalc(GeneratedClass<BatchCalc> gc, List<RexNode> projects, Object[][] rows) {
        try (VectorSchemaRoot input = batch(rows)) {
            List<LogicalType> outTypes = new ArrayList<>();
            ValueVector[] outs = new ValueVector[projects.size()];
            try {
                for (int k = 0; k < outs.length; k++) {
                    LogicalType t = RelTypes.toLogicalType(projects.get(k).getType());
                    outTypes.add(t);
                    FieldVector v = ArrowTypes.toField("o" + k, t).createVector(allocator);
                    if (v instanceof BaseFixedWidthVector) {
                        ((BaseFixedWidthVector) v).allocateNew(Math.max(rows.length, 1));
                    } else if (v instanceof BaseVariableWidthVector) {
                        ((BaseVariableWidthVector) v).allocateNew(Math.max(rows.length, 1));
                    }
                    outs[k] = v;
                }
                int n = gc.newInstance().process(input, rows.length, outs);
                List<List<Object>> result = new ArrayList<>();
                for (ValueVector v : outs) {
                    v.setValueCount(n);
                }
                for (int r = 0; r < n; r++) {
                    List<Object> row = new ArrayList<>();
                    for (int k = 0; k < outs.length; k++) {
                        row.add(VectorValues.get(outTypes.get(k), outs[k], r));
                    }
                    result.add(row);
                }
                return result;
            } finally {
                for (ValueVector v : outs) {
                    if (v != null) {
                        v.close();
                    }
                }
            }
        }
    }

    /** Evaluates one expression over the given single-column-per-type rows; returns one value per row. */
    List<Object> column(String expr, Object[]... rows) {
        List<Object> values = new ArrayList<>();
        for (List<Object> row : run("SELECT " + expr + " FROM t", rows)) {
            values.add(row.get(0));
        }
        return values;
    }

    /** Evaluates a constant-only expression over a batch of one row. */
    Object scalar(String expr) {
        Object[] row = new Object[types.size()];
        return column(expr, row).get(0);
    }

    /** Runs a predicate for {@code condition}; returns the selected row indexes. */
    List<Integer> select(String condition, Object[]... rows) {
        Planned p = plan("SELECT * FROM t WHERE " + condition);
        GeneratedClass<BatchPredicate> gc = new CodeGenerator(config).generatePredicate("test", p.inputType,
                p.condition);
        try (VectorSchemaRoot input = batch(rows)) {
            int[] sel = new int[rows.length];
            int n = gc.newInstance().filter(input, rows.length, sel);
            List<Integer> out = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                out.add(sel[k]);
            }
            return out;
        }
    }
}
