package io.sluice.table.api.internal;

import io.sluice.table.api.ApiExpression;
import io.sluice.table.api.DataTypes;
import io.sluice.table.api.Expressions;
import io.sluice.table.api.ValidationException;
import io.sluice.table.api.internal.ExprNode.Kind;
import io.sluice.types.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code TableEnvironment.fromValues(row(1, "ABC"), row(2L, "ABCDE"))} as a SQL {@code VALUES} query: columns are
 * named {@code f0, f1, ...} and typed by the common type of each column (strings as VARCHAR, never blank-padded
 * CHAR); with a row type the columns are cast to it and take its names.
 */
final class ValuesQuery {
    private ValuesQuery() {
    }

    static TableImpl table(TableEnvironmentImpl env, DataTypes.RowDataType rowType, List<Object> values) {
        if (values.isEmpty()) {
            throw new ValidationException("fromValues needs at least one row");
        }
        ExprRenderer r = new ExprRenderer(env, List.of());
        List<String> rows = new ArrayList<>();
        int arity = -1;
        for (Object v : values) {
            List<ExprNode> fields = fields(v);
            if (arity >= 0 && fields.size() != arity) {
                throw new ValidationException("All rows of fromValues must have the same number of fields: " + arity
                        + " and " + fields.size());
            }
            arity = fields.size();
            List<String> texts = new ArrayList<>();
            for (ExprNode f : fields) {
                if (f.kind == Kind.LITERAL && f.type == null && f.value instanceof String) {
                    texts.add("CAST(" + r.render(f) + " AS VARCHAR(" + Math.max(1, ((String) f.value).length()) + "))");
                } else {
                    texts.add(r.render(f));
                }
            }
            // ROW(...) keeps a single field that is itself a row one column ("(ROW(a, b))" would be two)
            rows.add((texts.size() == 1 ? "ROW(" : "(") + String.join(", ", texts) + ")");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < arity; i++) {
            names.add(ExprRenderer.quote("f" + i));
        }
        String from = "(VALUES " + String.join(", ", rows) + ") AS " + env.freshAlias() + "(" + String.join(", ", names)
                + ")";
        QueryBlock b = new QueryBlock(from, false, false);
        if (rowType != null) {
            List<DataTypes.Field> fields = rowType.getFields();
            if (fields.size() != arity) {
                throw new ValidationException("The row type of fromValues has " + fields.size() + " fields but the rows"
                        + " have " + arity);
            }
            b.select = new ArrayList<>();
            for (int i = 0; i < arity; i++) {
                b.select.add("CAST(" + names.get(i) + " AS " + fields.get(i).getDataType().getLogicalType().typeName()
                        + ") AS " + ExprRenderer.quote(fields.get(i).getName()));
            }
        }
        return TableImpl.ofBlock(env, b);
    }

    private static List<ExprNode> fields(Object v) {
        List<ExprNode> fields = new ArrayList<>();
        if (v instanceof ApiExpression && ((ApiExpression) v).toNode().kind == Kind.CALL
                && "ROW($*)".equals(((ApiExpression) v).toNode().text)) {
            fields.addAll(((ApiExpression) v).toNode().args);
        } else if (v instanceof Row) {
            Row row = (Row) v;
            for (int i = 0; i < row.getArity(); i++) {
                fields.add(Expressions.lit(row.getField(i)).toNode());
            }
        } else if (v instanceof ApiExpression) {
            fields.add(((ApiExpression) v).toNode());
        } else {
            fields.add(Expressions.lit(v).toNode());
        }
        return fields;
    }
}
