package io.sluice.planner;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Calcite folds {@code CAST(<numeric literal> AS <exact numeric>)} with one rounding mode for every
 * target, but Flink truncates when casting to an integer and rounds HALF_UP when casting to a DECIMAL
 * of smaller scale. Such casts are kept as calls, so the generated code applies Flink's rule.
 */
final class NumericCastPreservingRexBuilder extends RexBuilder {
    NumericCastPreservingRexBuilder(RelDataTypeFactory typeFactory) {
        super(typeFactory);
    }

    @Override
    public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode exp, boolean matchNullability, boolean safe,
            RexLiteral format) {
        if (exp instanceof RexLiteral && !((RexLiteral) exp).isNull()
                && SqlTypeFamily.EXACT_NUMERIC.contains(exp.getType())
                && SqlTypeFamily.EXACT_NUMERIC.contains(type)
                && exp.getType().getScale() > 0
                && type.getScale() < exp.getType().getScale()) {
            return makeAbstractCast(pos, type, exp, safe, format);
        }
        if (exp instanceof RexLiteral && !((RexLiteral) exp).isNull()
                && SqlTypeFamily.APPROXIMATE_NUMERIC.contains(exp.getType())
                && type.getSqlTypeName() == org.apache.calcite.sql.type.SqlTypeName.DECIMAL) {
            return makeAbstractCast(pos, type, exp, safe, format);
        }
        return super.makeCast(pos, type, exp, matchNullability, safe, format);
    }
}
