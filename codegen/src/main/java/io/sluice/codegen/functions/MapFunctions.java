package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.UnsupportedFeatureException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/** Flink's MAP functions: MAP_KEYS, MAP_VALUES, MAP_ENTRIES, MAP_FROM_ARRAYS, MAP_UNION and STR_TO_MAP. */
public final class MapFunctions implements BuiltInFunction {
    private static final String RT = "io.sluice.codegen.runtime.CollectionRuntime";

    static final SqlFunction MAP_KEYS = function("MAP_KEYS", 1, 1, "(<MAP>)",
            b -> array(b, b.getOperandType(0).getKeyType()), SqlTypeFamily.MAP);
    static final SqlFunction MAP_VALUES = function("MAP_VALUES", 1, 1, "(<MAP>)",
            b -> array(b, b.getOperandType(0).getValueType()), SqlTypeFamily.MAP);
    static final SqlFunction MAP_ENTRIES = function("MAP_ENTRIES", 1, 1, "(<MAP>)",
            b -> array(b, b.getTypeFactory().createStructType(
                    List.of(b.getOperandType(0).getKeyType(), b.getOperandType(0).getValueType()),
                    List.of("key", "value"))), SqlTypeFamily.MAP);
    static final SqlFunction MAP_FROM_ARRAYS = function("MAP_FROM_ARRAYS", 2, 2, "(<ARRAY>, <ARRAY>)",
            b -> CollectionCalls.nullableIfAny(b.getTypeFactory(), b.getTypeFactory().createMapType(
                    b.getOperandType(0).getComponentType(), b.getOperandType(1).getComponentType()),
                    b.collectOperandTypes()), SqlTypeFamily.ARRAY);
    static final SqlFunction MAP_UNION = function("MAP_UNION", 1, -1, "(<MAP>, ...)", MapFunctions::common,
            SqlTypeFamily.MAP);
    static final SqlFunction STR_TO_MAP = function("STR_TO_MAP", 1, 3, "(<STRING>[, <STRING>, <STRING>])",
            b -> {
                RelDataTypeFactory f = b.getTypeFactory();
                RelDataType s = f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true);
                return CollectionCalls.nullableIfAny(f, f.createMapType(s, s), b.collectOperandTypes());
            }, SqlTypeFamily.CHARACTER);

    private static SqlFunction function(String name, int min, int max, String signature,
            org.apache.calcite.sql.type.SqlReturnTypeInference returns, SqlTypeFamily family) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returns, null,
                CollectionCalls.families(min, max, signature, family), SqlFunctionCategory.SYSTEM);
    }

    private static RelDataType array(SqlOperatorBinding b, RelDataType element) {
        RelDataTypeFactory f = b.getTypeFactory();
        return f.createTypeWithNullability(f.createArrayType(element, -1), b.getOperandType(0).isNullable());
    }

    private static RelDataType common(SqlOperatorBinding b) {
        RelDataType t = b.getTypeFactory().leastRestrictive(b.collectOperandTypes());
        if (t == null) {
            throw b.newError(org.apache.calcite.util.Static.RESOURCE.typeNotComparable(
                    b.getOperandType(0).getFullTypeString(), b.getOperandType(b.getOperandCount() - 1)
                            .getFullTypeString()));
        }
        return CollectionCalls.nullableIfAny(b.getTypeFactory(), t, b.collectOperandTypes());
    }

    @Override
    public List<String> names() {
        return List.of("MAP_KEYS", "MAP_VALUES", "MAP_ENTRIES", "MAP_FROM_ARRAYS", "MAP_UNION", "STR_TO_MAP");
    }

    @Override
    public String description() {
        return "MAP_KEYS(m) and MAP_VALUES(m) are arrays of the keys and values, MAP_ENTRIES(m) an array of "
                + "ROW(key, value); MAP_FROM_ARRAYS(keys, values) pairs two arrays of the same length (an error "
                + "otherwise); MAP_UNION(m1, ...) merges maps, a later key replacing an earlier one; "
                + "STR_TO_MAP(s[, listDelimiter, keyValueDelimiter]) splits s into key/value pairs (delimiters "
                + "',' and '=' by default, regular expressions). A NULL argument gives NULL.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(MAP_KEYS, MAP_VALUES, MAP_ENTRIES, MAP_FROM_ARRAYS, MAP_UNION, STR_TO_MAP);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        LogicalType first = ExprGenerator.typeOf(call.getOperands().get(0));
        boolean[] all = {true};
        switch (call.getOperator().getName()) {
            case "MAP_KEYS":
                return CollectionCalls.invoke(gen, call, out, all, new int[0],
                        a -> RT + ".mapKeys(" + gen.typeReference(first.keyType()) + ", (java.util.Map) " + a.get(0)
                                + ")");
            case "MAP_VALUES":
                return CollectionCalls.invoke(gen, call, out, all, new int[0],
                        a -> RT + ".mapValues(" + gen.typeReference(first.valueType()) + ", (java.util.Map) "
                                + a.get(0) + ")");
            case "MAP_ENTRIES":
                return CollectionCalls.invoke(gen, call, out, all, new int[0],
                        a -> RT + ".mapEntries((java.util.Map) " + a.get(0) + ")");
            case "MAP_FROM_ARRAYS":
                return CollectionCalls.invoke(gen, call, out, all, new int[0],
                        a -> RT + ".mapFromArrays((Object[]) " + a.get(0) + ", (Object[]) " + a.get(1) + ")");
            case "MAP_UNION":
                return CollectionCalls.invoke(gen, call, out, all, new int[0], a -> {
                    List<String> maps = new ArrayList<>();
                    for (String m : a) {
                        maps.add("(java.util.Map) " + m);
                    }
                    return RT + ".mapUnion(new java.util.Map[] {" + String.join(", ", maps) + "})";
                });
            case "STR_TO_MAP":
                return CollectionCalls.invoke(gen, call, out, all, new int[0],
                        a -> RT + ".strToMap((String) " + a.get(0) + ", "
                                + (a.size() > 1 ? "(String) " + a.get(1) : "\",\"") + ", "
                                + (a.size() > 2 ? "(String) " + a.get(2) : "\"=\"") + ")");
            default:
                throw new UnsupportedFeatureException("function " + call.getOperator().getName());
        }
    }
}
