package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * The constructors {@code ARRAY[...]}, {@code MAP[...]}, {@code ROW(...)} / {@code (a, b)} and value access:
 * {@code array[i]} (1-based, NULL out of range), {@code map[key]} (NULL when absent), {@code CARDINALITY},
 * {@code ELEMENT}.
 */
public final class CollectionFunctions implements BuiltInFunction {
    private static final String RT = "io.sluice.codegen.runtime.CollectionRuntime";

    @Override
    public List<String> names() {
        return List.of("ARRAY", "MAP", "ROW", "CARDINALITY", "ELEMENT", "ITEM");
    }

    @Override
    public String description() {
        return "ARRAY[v1, ...] builds an array, MAP[k1, v1, ...] a map (a repeated key keeps its last value), "
                + "ROW(v1, ...) or (v1, v2, ...) a row. array[i] is the i-th element counting from 1, NULL when i is "
                + "out of range; map[key] is the value of key, NULL when absent. CARDINALITY(array | map | multiset) is "
                + "the number of elements or entries; ELEMENT(array) is the only element of an array (NULL when it is "
                + "empty, an error when it has more than one). NULL collections give NULL.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR, SqlStdOperatorTable.MAP_VALUE_CONSTRUCTOR,
                SqlStdOperatorTable.ROW, SqlStdOperatorTable.ITEM, SqlStdOperatorTable.CARDINALITY,
                SqlStdOperatorTable.ELEMENT);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        LogicalType type = ExprGenerator.typeOf(call);
        SqlKind kind = call.getOperator().getKind();
        if (kind == SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
            List<String> elements = converted(gen, call, out, k -> type.elementType());
            return gen.fromExternal(RT + ".array(" + gen.typeReference(type.elementType()) + ", "
                    + CollectionCalls.objects(elements) + ")", type, out);
        }
        if (kind == SqlKind.MAP_VALUE_CONSTRUCTOR) {
            List<String> entries = converted(gen, call, out, k -> k % 2 == 0 ? type.keyType() : type.valueType());
            return gen.fromExternal(RT + ".map(" + CollectionCalls.objects(entries) + ")", type, out);
        }
        if (kind == SqlKind.ROW) {
            List<String> fields = converted(gen, call, out, k -> type.children().get(k));
            return gen.fromExternal(RT + ".row(" + CollectionCalls.objects(fields) + ")", type, out);
        }
        if (kind == SqlKind.ITEM) {
            return item(gen, call, out);
        }
        if (call.getOperator() == SqlStdOperatorTable.CARDINALITY) {
            boolean multiset = ExprGenerator.typeOf(call.getOperands().get(0)).root() == TypeRoot.MULTISET;
            return CollectionCalls.invoke(gen, call, out, new boolean[] {true}, new int[0],
                    a -> RT + ".cardinality(" + a.get(0) + ", " + multiset + ")");
        }
        if (call.getOperator() == SqlStdOperatorTable.ELEMENT) {
            return CollectionCalls.invoke(gen, call, out, new boolean[] {true}, new int[0],
                    a -> RT + ".element((Object[]) " + a.get(0) + ")");
        }
        throw new UnsupportedFeatureException("function " + call.getOperator().getName());
    }

    private static GenExpr item(ExprGenerator gen, RexCall call, CodeBuilder out) {
        LogicalType container = ExprGenerator.typeOf(call.getOperands().get(0));
        switch (container.root()) {
            case ARRAY:
                return CollectionCalls.invoke(gen, call, out, new boolean[] {true}, new int[0],
                        a -> RT + ".at((Object[]) " + a.get(0) + ", ((Number) " + a.get(1) + ").longValue())");
            case MAP: {
                return CollectionCalls.invoke(gen, call, out, new boolean[] {true, false}, new int[0],
                        a -> RT + ".get((java.util.Map) " + a.get(0) + ", " + a.get(1) + ")");
            }
            case ROW: {
                int field = rowField(container, call.getOperands().get(1));
                return CollectionCalls.invoke(gen, call, out, new boolean[] {true, false}, new int[0],
                        a -> RT + ".field((io.sluice.types.Row) " + a.get(0) + ", " + field + ")");
            }
            default:
                throw new UnsupportedFeatureException("[] on a value of type " + container);
        }
    }

    private static int rowField(LogicalType row, org.apache.calcite.rex.RexNode key) {
        if (key instanceof RexLiteral) {
            Object v = ((RexLiteral) key).getValue2();
            if (v instanceof String) {
                int k = row.fieldNames().indexOf(v);
                if (k >= 0) {
                    return k;
                }
            } else if (v instanceof Number) {
                return ((Number) v).intValue() - 1;
            }
        }
        throw new UnsupportedFeatureException("row[...] with a key that is not a field name literal");
    }

    /** External values of the operands, each converted to {@code target.apply(position)} first. */
    private static List<String> converted(ExprGenerator gen, RexCall call, CodeBuilder out,
            java.util.function.IntFunction<LogicalType> target) {
        List<GenExpr> args = gen.genOperands(call, out);
        List<String> ext = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            ext.add(gen.external(CollectionCalls.coerce(gen, args.get(k), target.apply(k), out), out));
        }
        return ext;
    }
}
