package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Flink's structured-object functions {@code OBJECT_OF(className, key, value, ...)} and
 * {@code OBJECT_UPDATE(object, key, value, ...)}. Sluice keeps structured values as ROWs of named fields (as
 * {@code DataTypes.STRUCTURED} does): OBJECT_OF builds a {@code ROW<key1 T1, ...>} and checks but drops the class
 * name; OBJECT_UPDATE returns a copy of a ROW with the named fields replaced.
 */
public final class StructuredFunctions implements BuiltInFunction {
    private static final String RT = "io.sluice.codegen.runtime.CollectionRuntime";

    /** OBJECT_OF(className, [key, value [, key, value]*]): a ROW of the named values. */
    public static final SqlFunction OBJECT_OF = new SqlFunction("OBJECT_OF", SqlKind.OTHER_FUNCTION,
            StructuredFunctions::objectOfType, null, new KeyValueChecker(true), SqlFunctionCategory.SYSTEM) {
        @Override
        public boolean isDeterministic() {
            return true;
        }
    };

    /** OBJECT_UPDATE(object, key, value [, key, value]*): the object with the named fields replaced. */
    public static final SqlFunction OBJECT_UPDATE = new SqlFunction("OBJECT_UPDATE", SqlKind.OTHER_FUNCTION,
            StructuredFunctions::objectUpdateType, null, new KeyValueChecker(false), SqlFunctionCategory.SYSTEM);

    @Override
    public List<String> names() {
        return List.of("OBJECT_OF", "OBJECT_UPDATE");
    }

    @Override
    public String description() {
        return "OBJECT_OF(className, key1, value1, ...) builds a structured object of the named fields (in Sluice a "
                + "ROW<key1 T1, ...>; the class name must be a string literal and is not kept). OBJECT_UPDATE(object, "
                + "key1, value1, ...) returns the object (a structured object or a ROW with named fields) with the "
                + "named fields set to the new values, converted to the fields' types; NULL when the object is NULL. "
                + "Keys are string literals naming distinct fields; an unknown field or a value of an incompatible "
                + "type fails validation.";
    }

    @Override
    public List<SqlOperator> operators() {
        return List.of(OBJECT_OF, OBJECT_UPDATE);
    }

    @Override
    public GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out) {
        LogicalType type = ExprGenerator.typeOf(call);
        List<GenExpr> args = gen.genOperands(call, out);
        if (call.getOperator() == OBJECT_OF) {
            List<String> fields = new ArrayList<>();
            for (int k = 2; k < args.size(); k += 2) {
                fields.add(gen.external(CollectionCalls.coerce(gen, args.get(k), type.children().get(k / 2 - 1), out),
                        out));
            }
            return gen.fromExternal(RT + ".row(" + CollectionCalls.objects(fields) + ")", type, out);
        }
        // OBJECT_UPDATE: a copy of the row with the named fields replaced; NULL for a NULL object
        GenExpr object = args.get(0);
        String result = gen.newName("updated");
        out.line("io.sluice.types.Row " + result + " = null;");
        out.open(object.neverNull() ? "" : "if (!" + object.isNull() + ")");
        String row = gen.newName("row");
        out.line("io.sluice.types.Row " + row + " = (io.sluice.types.Row) " + gen.external(object, out) + ";");
        List<String> fields = new ArrayList<>();
        for (int f = 0; f < type.children().size(); f++) {
            fields.add(RT + ".field(" + row + ", " + f + ")");
        }
        List<String> names = type.fieldNames();
        for (int k = 1; k < args.size(); k += 2) {
            String key = ((org.apache.calcite.rex.RexLiteral) call.getOperands().get(k)).getValueAs(String.class);
            int f = names.indexOf(key);
            fields.set(f, gen.external(CollectionCalls.coerce(gen, args.get(k + 1), type.children().get(f), out), out));
        }
        out.line(result + " = " + RT + ".row(" + CollectionCalls.objects(fields) + ");");
        out.close();
        return gen.fromExternal(result, type, out);
    }

    /** The ROW type of an OBJECT_OF call: one field per key, of its value's type (text values as STRING). */
    private static RelDataType objectOfType(SqlOperatorBinding binding) {
        RelDataTypeFactory f = binding.getTypeFactory();
        List<String> names = new ArrayList<>();
        List<RelDataType> types = new ArrayList<>();
        for (int k = 1; k + 1 < binding.getOperandCount(); k += 2) {
            names.add(binding.getOperandLiteralValue(k, String.class));
            RelDataType t = binding.getOperandType(k + 1);
            if (t.getSqlTypeName() == SqlTypeName.CHAR) {
                t = f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE),
                        t.isNullable());
            }
            types.add(t);
        }
        return f.createStructType(types, names);
    }

    /** The object's type, with a field that receives a nullable value made nullable. */
    private static RelDataType objectUpdateType(SqlOperatorBinding binding) {
        RelDataTypeFactory f = binding.getTypeFactory();
        RelDataType object = binding.getOperandType(0);
        List<String> names = new ArrayList<>(object.getFieldNames());
        List<RelDataType> types = new ArrayList<>();
        for (RelDataTypeField field : object.getFieldList()) {
            types.add(field.getType());
        }
        for (int k = 1; k + 1 < binding.getOperandCount(); k += 2) {
            int i = names.indexOf(binding.getOperandLiteralValue(k, String.class));
            if (i >= 0 && binding.getOperandType(k + 1).isNullable()) {
                types.set(i, f.createTypeWithNullability(types.get(i), true));
            }
        }
        return f.createTypeWithNullability(f.createStructType(object.getStructKind(), types, names),
                object.isNullable());
    }

    /**
     * Checks {@code (head, key, value, ...)}: OBJECT_OF's head is the class name, a string literal; OBJECT_UPDATE's is
     * a ROW with named fields and needs at least one pair. Keys are distinct non-null string literals; OBJECT_UPDATE's
     * name fields of the object and come with values its fields can take.
     */
    private static final class KeyValueChecker implements SqlOperandTypeChecker {
        private final boolean objectOf;

        KeyValueChecker(boolean objectOf) {
            this.objectOf = objectOf;
        }

        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            String name = objectOf ? "OBJECT_OF" : "OBJECT_UPDATE";
            int n = binding.getOperandCount();
            if (n % 2 == 0) {
                throw error(binding, name + " takes its fields as key/value pairs after its "
                        + (objectOf ? "class name" : "object") + ", but a key has no value");
            }
            RelDataType head = binding.getOperandType(0);
            if (objectOf) {
                if (!SqlTypeUtil.inCharFamily(head) || binding.getOperandLiteralValue(0, String.class) == null) {
                    throw error(binding, "The first argument of OBJECT_OF must be the class name, a string literal");
                }
            } else if (!head.isStruct()) {
                throw error(binding, "The first argument of OBJECT_UPDATE must be a structured object (a ROW with"
                        + " named fields), not " + head.getFullTypeString());
            }
            Set<String> seen = new HashSet<>();
            for (int k = 1; k < n; k += 2) {
                String key = SqlTypeUtil.inCharFamily(binding.getOperandType(k))
                        ? binding.getOperandLiteralValue(k, String.class) : null;
                if (key == null) {
                    throw error(binding, "The field name at position " + (k + 1) + " of " + name
                            + " must be a non-null string literal");
                }
                if (!seen.add(key)) {
                    throw error(binding, name + " names the field '" + key + "' more than once");
                }
                if (!objectOf) {
                    RelDataTypeField field = head.getField(key, true, false);
                    if (field == null) {
                        throw error(binding, "The structured object has no field '" + key + "'; its fields are "
                                + head.getFieldNames());
                    }
                    RelDataType value = binding.getOperandType(k + 1);
                    if (!assignable(field.getType(), value)) {
                        throw error(binding, "The value of field '" + key + "' has type " + value.getFullTypeString()
                                + ", which the field's type " + field.getType().getFullTypeString() + " cannot take");
                    }
                }
            }
            return true;
        }

        private static boolean assignable(RelDataType field, RelDataType value) {
            if (value.getSqlTypeName() == SqlTypeName.NULL) {
                return field.isNullable();
            }
            if (SqlTypeUtil.inCharFamily(field) && SqlTypeUtil.inCharFamily(value)) {
                return true;
            }
            if (SqlTypeUtil.isNumeric(field) && SqlTypeUtil.isNumeric(value)) {
                return true;
            }
            return SqlTypeUtil.canAssignFrom(field, value) || SqlTypeUtil.equalSansNullability(field, value);
        }

        private static RuntimeException error(SqlCallBinding binding, String message) {
            return new ValidationException(message + ".");
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.from(objectOf ? 1 : 3);
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            return objectOf ? "OBJECT_OF(<CLASS NAME>[, <KEY>, <VALUE>]*)" : "OBJECT_UPDATE(<OBJECT>, <KEY>, <VALUE>"
                    + "[, <KEY>, <VALUE>]*)";
        }
    }
}
