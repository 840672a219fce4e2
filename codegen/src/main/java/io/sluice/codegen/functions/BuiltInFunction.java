package io.sluice.codegen.functions;

import io.sluice.codegen.expr.CodeBuilder;
import io.sluice.codegen.expr.ExprGenerator;
import io.sluice.codegen.expr.GenExpr;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlOperator;

/** One built-in function (or family of closely related functions) with its documentation and generator. */
public interface BuiltInFunction {
    /** SQL names as users write them, e.g. {@code ["UPPER", "LOWER"]}. */
    List<String> names();

    /** One-paragraph user documentation (semantics, NULL handling, result type). */
    String description();

    /**
     * The Calcite operators whose calls this function generates. All of them are part of
     * {@link BuiltInFunctions#operatorTable()}.
     */
    List<SqlOperator> operators();

    /** Generates the statements computing {@code call}. */
    GenExpr generate(ExprGenerator gen, RexCall call, CodeBuilder out);
}
