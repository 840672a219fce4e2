package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's ARRAY functions (ARRAY_APPEND, ARRAY_CONTAINS, ARRAY_DISTINCT, ARRAY_POSITION, ARRAY_PREPEND,
 * ARRAY_REMOVE, ARRAY_REVERSE, ARRAY_SLICE, ARRAY_SORT, ARRAY_UNION, ARRAY_CONCAT, ARRAY_EXCEPT, ARRAY_INTERSECT,
 * ARRAY_MAX, ARRAY_MIN, ARRAY_JOIN) and the string functions that return arrays (SPLIT, REGEXP_EXTRACT_ALL), as
 * data: operand families, result type, NULL behaviour and the {@link io.sluice.codegen.runtime.CollectionRuntime}
 * call of each.
 */
public final class ArrayFunctions implements BuiltInFunction {
    private static final String RT = "io.sluice.codegen.runtime.CollectionRuntime";
    private static final SqlTypeFamily ARRAY = SqlTypeFamily.ARRAY;
    private static final SqlTypeFamily INT = SqlTypeFamily.INTEGER;
    private static final SqlTypeFamily STRING = SqlTypeFamily.CHARACTER;
    private static final SqlTypeFamily BOOL = SqlTypeFamily.BOOLEAN;

    /** One function: its operator, which operands make the result NULL, which are elements, and its body. */
    private record Spec(SqlFunction op, boolean[] nullStrict, int[] elementArgs, Function<List<String>, String> body) {}

    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        boolean[] arrayOnly = {true, false};
        boolean[] all = {true};
        int[] none = {};
        int[] needle = {1};
        add("ARRAY_APPEND", 2, 2, "(<ARRAY>, <ELEMENT>)", ArrayFunctions::withElement, arrayOnly, needle,
                a -> RT + ".append(" + elem(a) + ", " + arr(a, 0) + ", " + a.get(1) + ")", ARRAY, null);
        add("ARRAY_PREPEND", 2, 2, "(<ARRAY>, <ELEMENT>)", ArrayFunctions::withElement, arrayOnly, needle,
                a -> RT + ".prepend(" + elem(a) + ", " + arr(a, 0) + ", " + a.get(1) + ")", ARRAY, null);
        add("ARRAY_CONTAINS", 2, 2, "(<ARRAY>, <ELEMENT>)", b -> nullableLike(b, SqlTypeName.BOOLEAN, 0), arrayOnly,
                needle, a -> "Boolean.valueOf(" + RT + ".contains(" + arr(a, 0) + ", " + a.get(1) + "))", ARRAY, null);
        add("ARRAY_POSITION", 2, 2, "(<ARRAY>, <ELEMENT>)", b -> nullableLike(b, SqlTypeName.INTEGER, -1), all,
                needle, a -> "Integer.valueOf(" + RT + ".position(" + arr(a, 0) + ", " + a.get(1) + "))", ARRAY, null);
        add("ARRAY_REMOVE", 2, 2, "(<ARRAY>, <ELEMENT>)", ArrayFunctions::firstNullableIfArrayNullable, arrayOnly,
                needle, a -> RT + ".remove(" + elem(a) + ", " + arr(a, 0) + ", " + a.get(1) + ")", ARRAY, null);
        add("ARRAY_DISTINCT", 1, 1, "(<ARRAY>)", ArrayFunctions::first, all, none,
                a -> RT + ".distinct(" + elem(a) + ", " + arr(a, 0) + ")", ARRAY);
        add("ARRAY_REVERSE", 1, 1, "(<ARRAY>)", ArrayFunctions::first, all, none,
                a -> RT + ".reverse(" + elem(a) + ", " + arr(a, 0) + ")", ARRAY);
        add("ARRAY_SLICE", 2, 3, "(<ARRAY>, <INTEGER>[, <INTEGER>])", ArrayFunctions::first, all, none,
                a -> RT + ".slice(" + elem(a) + ", " + arr(a, 0) + ", " + lng(a.get(1)) + ", "
                        + (a.size() > 2 ? lng(a.get(2)) : "Long.MAX_VALUE") + ")", ARRAY, INT, INT);
        add("ARRAY_SORT", 1, 3, "(<ARRAY>[, <BOOLEAN>[, <BOOLEAN>]])", ArrayFunctions::first, all, none,
                a -> RT + ".sort(" + arr(a, 0) + ", " + (a.size() > 1 ? bool(a.get(1)) : "true") + ", "
                        + (a.size() > 2 ? bool(a.get(2)) : a.size() > 1 ? bool(a.get(1)) : "true") + ")",
                ARRAY, BOOL, BOOL);
        add("ARRAY_UNION", 2, 2, "(<ARRAY>, <ARRAY>)", ArrayFunctions::common, all, none,
                a -> RT + ".union(" + resultElem() + ", " + arr(a, 0) + ", " + arr(a, 1) + ")", ARRAY);
        add("ARRAY_CONCAT", 1, -1, "(<ARRAY>, ...)", ArrayFunctions::common, all, none,
                a -> RT + ".concat(" + resultElem() + ", new Object[][] {" + String.join(", ", casts(a)) + "})", ARRAY);
        add("ARRAY_EXCEPT", 2, 2, "(<ARRAY>, <ARRAY>)", ArrayFunctions::common, all, none,
                a -> RT + ".except(" + resultElem() + ", " + arr(a, 0) + ", " + arr(a, 1) + ")", ARRAY);
        add("ARRAY_INTERSECT", 2, 2, "(<ARRAY>, <ARRAY>)", ArrayFunctions::common, all, none,
                a -> RT + ".intersect(" + resultElem() + ", " + arr(a, 0) + ", " + arr(a, 1) + ")", ARRAY);
        add("ARRAY_MAX", 1, 1, "(<ARRAY>)", ArrayFunctions::elementNullable, all, none,
                a -> RT + ".extreme(" + arr(a, 0) + ", true)", ARRAY);
        add("ARRAY_MIN", 1, 1, "(<ARRAY>)", ArrayFunctions::elementNullable, all, none,
                a -> RT + ".extreme(" + arr(a, 0) + ", false)", ARRAY);
        add("ARRAY_JOIN", 2, 3, "(<ARRAY>, <STRING>[, <STRING>])", b -> nullableLike(b, SqlTypeName.VARCHAR, -1),
                new boolean[] {true, true, false}, none,
                a -> RT + ".join(" + arr(a, 0) + ", (String) " + a.get(1) + ", "
                        + (a.size() > 2 ? "(String) " + a.get(2) : "null") + ")", ARRAY, STRING, STRING);
        add("SPLIT", 2, 2, "(<STRING>, <STRING>)", b -> stringArray(b, false), all, none,
                a -> RT + ".split((String) " + a.get(0) + ", (String) " + a.get(1) + ")", STRING);
        add("REGEXP_EXTRACT_ALL", 2, 3, "(<STRING>, <STRING>[, <INTEGER>])", b -> stringArray(b, true), all, none,
                a -> RT + ".regexpExtractAll((String) " + a.get(0) + ", (String) " + a.get(1) + ", "
                        + (a.size() > 2 ? lng(a.get(2)) : "1L") + ")", STRING, STRING, INT);
    }

    /** Element type reference placeholder, replaced per call (see {@link #generate}). */
    private static final String ELEM = "%ELEM%";
    private static final String RESULT_ELEM = "%RESULT_ELEM%";

    private static void add(String name, int min, int max, String signature, SqlReturnTypeInference returns,
            boolean[] nullStrict, int[] elementArgs, Function<List<String>, String> body, SqlTypeFamily... families) {
        SqlFunction op = new SqlFunction(name, SqlKind.OTHER_FUNCTION, returns, null,
                CollectionCalls.families(min, max, signature, families), SqlFunctionCategory.SYSTEM);
        SPECS.put(name, new Spec(op, nullStrict, elementArgs, body));
    }

    private static String elem(List<String> a) {
        return ELEM;
    }

    private static String resultElem() {
        return RESULT_ELEM;
    }

    private static String arr(List<String> a, int k) {
        return "(Object[]) " + a.get(k);
    }

    private static List<String> casts(List<String> a) {
        List<String> out = new ArrayList<>();
        for (String s : a) {
            out.add("(Object[]) " + s);
        }
        return out;
    }

    private static String lng(String e) {
        return "((Number) " + e + ").longValue()";
    }

    private static String bool(String e) {
        return "((Boolean) " + e + ").booleanValue()";
    }

    private static RelDataType first(org.apache.calcite.sql.SqlOperatorBinding b) {
        return CollectionCalls.nullableIfAny(b.getTypeFactory(), b.getOperandType(0), b.collectOperandTypes());
    }

    private static RelDataType firstNullableIfArrayNullable(org.apache.calcite.sql.SqlOperatorBinding b) {
        return withElementType(b, b.getOperandType(0).getComponentType());
    }

    private static RelDataType withElement(org.apache.calcite.sql.SqlOperatorBinding b) {
        RelDataTypeFactory f = b.getTypeFactory();
        RelDataType element = b.getOperandType(0).getComponentType();
        RelDataType needle = b.getOperandType(1);
        RelDataType common = needle.getSqlTypeName() == SqlTypeName.NULL ? f.createTypeWithNullability(element, true)
                : f.leastRestrictive(List.of(element, needle));
        return withElementType(b, common == null ? element : common);
    }

    private static RelDataType withElementType(org.apache.calcite.sql.SqlOperatorBinding b, RelDataType element) {
        RelDataTypeFactory f = b.getTypeFactory();
        return f.createTypeWithNullability(f.createArrayType(element, -1), b.getOperandType(0).isNullable());
    }

    private static RelDataType common(org.apache.calcite.sql.SqlOperatorBinding b) {
        RelDataTypeFactory f = b.getTypeFactory();
        RelDataType t = f.leastRestrictive(b.collectOperandTypes());
        if (t == null) {
            throw b.newError(org.apache.calcite.util.Static.RESOURCE.typeNotComparable(
                    b.getOperandType(0).getFullTypeString(), b.getOperandType(1).getFullTypeString()));
        }
        return CollectionCalls.nullableIfAny(f, t, b.collectOperandTypes());
    }

    private static RelDataType elementNullable(org.apache.calcite.sql.SqlOperatorBinding b) {
        return b.getTypeFactory().createTypeWithNullability(b.getOperandType(0).getComponentType(), true);
    }

    /** {@code type}, nullable when operand {@code k} is (every operand for -1). */
    private static RelDataType nullableLike(org.apache.calcite.sql.SqlOperatorBinding b, SqlTypeName type, int k) {
        RelDataTypeFactory f = b.getTypeFactory();
        RelDataType t = f.createSqlType(type);
        return k < 0 ? CollectionCalls.nullableIfAny(f, t, b.collectOperandTypes())
                : f.createTypeWithNullability(t, b.getOperandType(k).isNullable());
    }

    private static RelDataType stringArray(org.apache.calcite.sql.SqlOperatorBinding b, boolean alwaysNullable) {
        RelDataTypeFactory f = b.getTypeFactory();
        RelDataType strings = f.createArrayType(
                f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true), -1);
        return alwaysNullable ? f.createTypeWithNullability(strings, true)
                : CollectionCalls.nullableIfAny(f, strings, b.collectOperandTypes());
    }

    @Override
    public List<String> names() {
        return new ArrayList<>(SPECS.keySet());
    }

    @Override
    public String description() {
        return "ARRAY_APPEND(a, e) / ARRAY_PREPEND(a, e) add an element at the end / start; ARRAY_CONTAINS(a, e) "
                + "tells whether a holds e (a NULL e matches a NULL element); ARRAY_POSITION(a, e) is the 1-based "
                + "position of the first e, 0 when absent (NULL when e is NULL); ARRAY_REMOVE(a, e) drops every e; "
                + "ARRAY_DISTINCT and ARRAY_REVERSE; ARRAY_SLICE(a, start[, end]) the elements from start to end "
                + "inclusive (1-based, 0 is the start, negative offsets count from the end); ARRAY_SORT(a[, ascending"
                + "[, nullsFirst]]) (ascending with NULLs first by default, descending puts NULLs last); ARRAY_UNION, "
                + "ARRAY_EXCEPT and ARRAY_INTERSECT (without duplicates, in order of appearance); ARRAY_CONCAT(a, ...); "
                + "ARRAY_MAX / ARRAY_MIN (NULL elements ignored, NULL for an empty array); ARRAY_JOIN(a, delimiter[, "
                + "nullReplacement]) (NULL elements skipped unless replaced). SPLIT(s, delimiter) splits a string "
                + "(an empty delimiter splits every character); REGEXP_EXTRACT_ALL(s, regex[, group]) every match's "
                + "group (1 by default). A NULL array (or other NULL argument where noted) gives NULL.";
    }

    @Override
    public List<SqlOperator> operators() {
        List<SqlOperator> ops = new ArrayList<>();
        for (Spec s : SPECS.values()) {
            ops.add(s.op());
        }
        return ops;
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        Spec spec = SPECS.get(call.getOperator().getName());
        io.sluice.runtime.types.LogicalType first = ExprGenerator.typeOf(call.getOperands().get(0));
        io.sluice.runtime.types.LogicalType result = ExprGenerator.typeOf(call);
        String elemRef = first.root() == io.sluice.runtime.types.TypeRoot.ARRAY
                ? gen.typeReference(first.elementType()) : "null";
        String resultRef = result.root() == io.sluice.runtime.types.TypeRoot.ARRAY
                ? gen.typeReference(result.elementType()) : "null";
        return CollectionCalls.invoke(gen, call, out, spec.nullStrict(), spec.elementArgs(),
                a -> spec.body().apply(a).replace(ELEM, elemRef).replace(RESULT_ELEM, resultRef));
    }
}
