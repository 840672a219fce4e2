package io.sluice.planner.functions;

import io.sluice.codegen.RelTypes;
import io.sluice.codegen.udf.AggregateUserSqlFunction;
import io.sluice.codegen.udf.ScalarUserSqlFunction;
import io.sluice.codegen.udf.TableAggregateSqlFunction;
import io.sluice.codegen.udf.TableUserSqlFunction;
import io.sluice.codegen.udf.UdfMethod;
import io.sluice.codegen.udf.UserFunction;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * Turns calls of user-defined functions with named arguments ({@code f(threshold => 42, input => s)}) into
 * positional calls before validation, as Flink does: the function must have one signature (one {@code eval} or
 * {@code accumulate} method, without varargs) whose arguments have names, from {@code @ArgumentHint},
 * {@code @FunctionHint(arguments = ...)} or the compiled method's parameter names. Arguments may come in any order;
 * an optional argument ({@code @ArgumentHint(isOptional = true)}) that is left out is passed as a typed NULL.
 */
public final class NamedArgumentRewriter extends SqlShuttle {
    private final SqlOperatorTable operators;
    private final RelDataTypeFactory typeFactory;

    private NamedArgumentRewriter(SqlOperatorTable operators, RelDataTypeFactory typeFactory) {
        this.operators = operators;
        this.typeFactory = typeFactory;
    }

    /** The query with every call with named arguments rewritten into a positional call. */
    public static SqlNode rewrite(SqlNode query, SqlOperatorTable operators, RelDataTypeFactory typeFactory) {
        SqlNode result = query.accept(new NamedArgumentRewriter(operators, typeFactory));
        return result == null ? query : result;
    }

    @Override
    public SqlNode visit(SqlCall call) {
        SqlNode visited = super.visit(call);
        SqlCall c = visited instanceof SqlCall ? (SqlCall) visited : call;
        if (!hasAssignment(c)) {
            return visited == null ? call : visited;
        }
        return positional(c);
    }

    private static boolean hasAssignment(SqlCall call) {
        for (SqlNode operand : call.getOperandList()) {
            if (operand != null && operand.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
                return true;
            }
        }
        return false;
    }

    private SqlNode positional(SqlCall call) {
        SqlOperator op = call.getOperator();
        String name = op.getName();
        UserFunction function = userFunction(op);
        if (function == null) {
            throw new UnsupportedFeatureException("named arguments (name => value) in calls of the built-in function "
                    + name + "; they work with user-defined functions");
        }
        List<UdfMethod> methods = function.methods();
        if (methods.size() != 1 || methods.get(0).isVarargs()) {
            throw new ValidationException("Function '" + name + "' does not support named arguments: they need a "
                    + "single signature (one " + (function.kind() == UserFunction.Kind.SCALAR
                    || function.kind() == UserFunction.Kind.TABLE ? "eval" : "accumulate") + " method without "
                    + "varargs), but it has " + signatures(function, name) + ".");
        }
        UdfMethod m = methods.get(0);
        int n = m.maxArgs();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (m.argName(i) == null) {
                throw new ValidationException("Function '" + name + "' does not support named arguments: the names of"
                        + " its arguments are not known (give them with @ArgumentHint(name = ...) or compile the class"
                        + " with -parameters or debug information).");
            }
            names.add(m.argName(i));
        }
        Map<String, SqlNode> given = new LinkedHashMap<>();
        for (SqlNode operand : call.getOperandList()) {
            if (operand.getKind() != SqlKind.ARGUMENT_ASSIGNMENT) {
                throw new ValidationException("The arguments of function '" + name + "' are either all named"
                        + " (name => value) or all positional, not both.");
            }
            SqlCall assignment = (SqlCall) operand;
            String argName = ((SqlIdentifier) assignment.operand(1)).getSimple();
            if (!names.contains(argName)) {
                throw new ValidationException("Function '" + name + "' has no argument '" + argName + "'. Its"
                        + " arguments are: " + signature(m, names, name) + ".");
            }
            if (given.put(argName, assignment.operand(0)) != null) {
                throw new ValidationException("Argument '" + argName + "' of function '" + name + "' is given more"
                        + " than once.");
            }
        }
        List<SqlNode> operands = new ArrayList<>();
        SqlParserPos pos = call.getParserPosition();
        for (int i = 0; i < n; i++) {
            SqlNode value = given.get(names.get(i));
            if (value == null) {
                if (!m.argOptional(i)) {
                    throw new ValidationException("Argument '" + names.get(i) + "' of function '" + name + "' is"
                            + " missing; only optional arguments may be left out: " + signature(m, names, name) + ".");
                }
                value = typedNull(m, i, pos);
            }
            operands.add(value);
        }
        return op.createCall(call.getFunctionQuantifier(), pos, operands.toArray(new SqlNode[0]));
    }

    private SqlNode typedNull(UdfMethod m, int i, SqlParserPos pos) {
        SqlNode nullLiteral = SqlLiteral.createNull(pos);
        try {
            return SqlStdOperatorTable.CAST.createCall(pos, nullLiteral,
                    SqlTypeUtil.convertTypeToSpec(RelTypes.toRelDataType(m.argType(i).copy(true), typeFactory)));
        } catch (RuntimeException e) {
            return nullLiteral; // a type without a SQL spelling: the NULL literal fits any argument
        }
    }

    /** The user-defined function that {@code op} (resolved or not yet) names, or null for a built-in one. */
    private UserFunction userFunction(SqlOperator op) {
        UserFunction f = of(op);
        if (f != null || !(op instanceof SqlFunction) || ((SqlFunction) op).getSqlIdentifier() == null) {
            return f;
        }
        List<SqlOperator> found = new ArrayList<>();
        operators.lookupOperatorOverloads(((SqlFunction) op).getSqlIdentifier(), SqlFunctionCategory.USER_DEFINED_FUNCTION,
                SqlSyntax.FUNCTION, found, SqlNameMatchers.withCaseSensitive(false));
        for (SqlOperator candidate : found) {
            UserFunction u = of(candidate);
            if (u != null) {
                return u;
            }
        }
        return null;
    }

    private static UserFunction of(SqlOperator op) {
        if (op instanceof ScalarUserSqlFunction) {
            return ((ScalarUserSqlFunction) op).function();
        }
        if (op instanceof TableUserSqlFunction) {
            return ((TableUserSqlFunction) op).function();
        }
        if (op instanceof AggregateUserSqlFunction) {
            return ((AggregateUserSqlFunction) op).function();
        }
        if (op instanceof TableAggregateSqlFunction) {
            return ((TableAggregateSqlFunction) op).function();
        }
        return null;
    }

    /** {@code f(input => STRING, threshold => INT)}, as Flink shows a signature with named arguments. */
    private static String signature(UdfMethod m, List<String> names, String function) {
        StringBuilder sb = new StringBuilder(function).append('(');
        for (int i = 0; i < names.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(names.get(i)).append(" => ")
                    .append(m.argType(i).copy(true).typeName());
            if (m.argOptional(i)) {
                sb.append(" (optional)");
            }
        }
        return sb.append(')').toString();
    }

    private static String signatures(UserFunction f, String name) {
        List<String> all = new ArrayList<>();
        for (UdfMethod m : f.methods()) {
            all.add(m.signature(name));
        }
        return String.join(", ", all);
    }
}
