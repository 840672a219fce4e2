package io.sluice.planner.functions;

import java.util.List;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Uncollect;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlUnnestOperator;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * {@code UNNEST} of several collections at once ({@code UNNEST(a, b) AS t(x, y)}), zipped by position as the SQL
 * standard has it: the shorter collections are padded with NULLs, so every element column is nullable even where the
 * collection's elements are not. Calcite types the columns from the element types; this class makes them nullable
 * in both places that type them: {@link #rewrite} gives the validator an UNNEST operator with nullable columns, and
 * the {@link #RELBUILDER_FACTORY} builds a {@link PaddedUncollect} with the same nullable columns. A single
 * collection keeps Calcite's types.
 */
public final class ZippedUnnest {
    /** A relational builder whose {@code uncollect} of several collections gives nullable element columns. */
    public static final RelBuilderFactory RELBUILDER_FACTORY = (cluster, schema) -> new PaddingRelBuilder(cluster,
            schema);

    private ZippedUnnest() {
    }

    /** The query with every UNNEST of several collections using the nullable-column operator. */
    public static SqlNode rewrite(SqlNode query) {
        SqlNode result = query.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                SqlCall visited = (SqlCall) super.visit(call);
                if (visited == null) {
                    visited = call;
                }
                if (visited.getKind() == SqlKind.UNNEST && visited.operandCount() > 1
                        && visited.getOperator() instanceof SqlUnnestOperator unnest
                        && !(unnest instanceof ZippedUnnestOperator)) {
                    return new ZippedUnnestOperator(unnest.withOrdinality).createCall(visited.getParserPosition(),
                            visited.getOperandList());
                }
                return visited;
            }
        });
        return result == null ? query : result;
    }

    /** Every column of {@code row} nullable, except a last ordinality column. */
    static RelDataType nullableColumns(RelDataType row, boolean withOrdinality, RelDataTypeFactory types) {
        RelDataTypeFactory.Builder builder = types.builder();
        List<RelDataTypeField> fields = row.getFieldList();
        for (int i = 0; i < fields.size(); i++) {
            boolean ordinality = withOrdinality && i == fields.size() - 1;
            builder.add(fields.get(i).getName(), ordinality ? fields.get(i).getType()
                    : types.createTypeWithNullability(fields.get(i).getType(), true));
        }
        return builder.build();
    }

    /** The {@code Uncollect} of several collections: Calcite's, with every element column nullable. */
    public static final class PaddedUncollect extends Uncollect {
        PaddedUncollect(RelOptCluster cluster, RelTraitSet traits, RelNode input, boolean withOrdinality,
                List<String> itemAliases) {
            super(cluster, traits, input, withOrdinality, itemAliases);
        }

        @Override
        public String getRelTypeName() {
            return "Uncollect"; // the plan prints it as the Uncollect it is
        }

        @Override
        protected RelDataType deriveRowType() {
            return nullableColumns(super.deriveRowType(), withOrdinality, getCluster().getTypeFactory());
        }

        @Override
        public RelNode copy(RelTraitSet traitSet, RelNode input) {
            return new PaddedUncollect(getCluster(), traitSet, input, withOrdinality, getItemAliases());
        }
    }

    /** The UNNEST operator of several collections: every element column is nullable. */
    private static final class ZippedUnnestOperator extends SqlUnnestOperator {
        ZippedUnnestOperator(boolean withOrdinality) {
            super(withOrdinality);
        }

        @Override
        public RelDataType inferReturnType(SqlOperatorBinding binding) {
            return nullableColumns(super.inferReturnType(binding), withOrdinality, binding.getTypeFactory());
        }
    }

    /** Unnests several collections into a {@link PaddedUncollect}. */
    private static final class PaddingRelBuilder extends RelBuilder {
        private final Config config;

        PaddingRelBuilder(org.apache.calcite.plan.RelOptCluster cluster,
                org.apache.calcite.plan.RelOptSchema schema) {
            this(Config.DEFAULT, cluster, schema);
        }

        private PaddingRelBuilder(Config config, org.apache.calcite.plan.RelOptCluster cluster,
                org.apache.calcite.plan.RelOptSchema schema) {
            super(Contexts.of(config), cluster, schema);
            this.config = config;
        }

        @Override
        public RelBuilder transform(java.util.function.UnaryOperator<Config> transform) {
            return new PaddingRelBuilder(transform.apply(config), getCluster(), getRelOptSchema());
        }

        @Override
        public RelBuilder uncollect(List<String> itemAliases, boolean withOrdinality) {
            if (peek().getRowType().getFieldCount() < 2) {
                return super.uncollect(itemAliases, withOrdinality);
            }
            RelNode input = build();
            return push(new PaddedUncollect(input.getCluster(), input.getTraitSet(), input, withOrdinality,
                    itemAliases));
        }
    }
}
