package io.sluice.planner.translate;

import io.sluice.codegen.RelTypes;
import io.sluice.runtime.operator.match.Navigation;
import io.sluice.runtime.operator.match.UserAggregateCall;
import io.sluice.runtime.types.LogicalType;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPatternFieldRef;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;

/**
 * Replaces navigation, aggregate and match-function calls by references to the columns of a navigation row,
 * recording a {@link Navigation} per column.
 */
final class MatchNavigations extends RexShuttle {
    private final RelDataType inputRowType;
    private final Map<String, Integer> elements;
    private final int timeColumn;
    private final RelDataTypeFactory types;
    private final MatchNavigations derivedOwner;
    final List<Navigation> navigations = new ArrayList<>();
    private final List<RelDataType> navTypes = new ArrayList<>();
    private final Map<String, Integer> seen = new LinkedHashMap<>();
    /** Derived columns (only in the owner): expressions over one input row. */
    final List<RexNode> derived = new ArrayList<>();
    private final Map<String, Integer> derivedSeen = new LinkedHashMap<>();
    /** Calls of user-defined aggregate functions (only in the owner). */
    final List<UserAggregateCall> userAggregates = new ArrayList<>();
    private final io.sluice.codegen.udf.AggregateInvokerGenerator invokers;

    MatchNavigations(RelDataType inputRowType, Map<String, Integer> elements, int timeColumn,
            RelDataTypeFactory types, MatchNavigations derivedOwner,
            io.sluice.codegen.udf.AggregateInvokerGenerator invokers) {
        this.invokers = invokers;
        this.inputRowType = inputRowType;
        this.elements = elements;
        this.timeColumn = timeColumn;
        this.types = types;
        this.derivedOwner = derivedOwner;
    }

    RelDataType rowType() {
        RelDataTypeFactory.Builder b = types.builder();
        for (int i = 0; i < navTypes.size(); i++) {
            b.add("nav" + i, navTypes.get(i));
        }
        return b.build();
    }

    RexNode keyColumn(int column) {
        return add(new Navigation(Navigation.Kind.LAST, -1, column, 0, null),
                inputRowType.getFieldList().get(column).getType());
    }

    private RexNode add(Navigation nav, RelDataType type) {
        RelDataType nullable = types.createTypeWithNullability(type, true);
        Navigation typed = new Navigation(nav.kind(), nav.element(), nav.column(), nav.offset(),
                RelTypes.toLogicalType(nullable));
        String key = typed.toString();
        Integer index = seen.get(key);
        if (index == null) {
            index = navigations.size();
            navigations.add(typed);
            navTypes.add(nullable);
            seen.put(key, index);
        }
        return new RexInputRef(index, nullable);
    }

    @Override
    public RexNode visitPatternFieldRef(RexPatternFieldRef ref) {
        return add(new Navigation(Navigation.Kind.LAST, element(ref.getAlpha()), ref.getIndex(), 0, null),
                ref.getType());
    }

    @Override
    public RexNode visitInputRef(RexInputRef ref) {
        return add(new Navigation(Navigation.Kind.LAST, -1, ref.getIndex(), 0, null), ref.getType());
    }

    @Override
    public RexNode visitCall(RexCall call) {
        SqlKind kind = call.getKind();
        String name = call.getOperator().getName().toUpperCase(java.util.Locale.ROOT);
        switch (kind) {
            case FINAL:
            case RUNNING:
                return call.getOperands().get(0).accept(this);
            case PREV:
            case LAST:
            case FIRST: {
                int offset = call.getOperands().size() < 2 ? 0
                        : ((RexLiteral) call.getOperands().get(1)).getValueAs(Integer.class);
                int[] source = source(call.getOperands().get(0), name);
                Navigation.Kind k = kind == SqlKind.PREV ? Navigation.Kind.PREV
                        : kind == SqlKind.LAST ? Navigation.Kind.LAST : Navigation.Kind.FIRST;
                return add(new Navigation(k, source[0], source[1], offset, null), call.getType());
            }
            case NEXT:
                throw new UnsupportedFeatureException("NEXT in MATCH_RECOGNIZE (physical offsets)");
            case CLASSIFIER:
                return add(new Navigation(Navigation.Kind.CLASSIFIER, -1, -1, 0, null), call.getType());
            case MATCH_NUMBER:
                throw new UnsupportedFeatureException("MATCH_NUMBER() in MATCH_RECOGNIZE");
            default:
                break;
        }
        if (name.equals("MATCH_ROWTIME")) {
            int column = timeColumn;
            if (!call.getOperands().isEmpty()) {
                column = source(call.getOperands().get(0), name)[1];
            }
            return add(new Navigation(Navigation.Kind.MATCH_ROWTIME, -1, column, 0, null), call.getType());
        }
        if (name.equals("MATCH_PROCTIME")) {
            return add(new Navigation(Navigation.Kind.MATCH_PROCTIME, -1, -1, 0, null), call.getType());
        }
        if (call.getOperator() instanceof io.sluice.codegen.udf.AggregateUserSqlFunction udaf) {
            return add(new Navigation(Navigation.Kind.USER_AGGREGATE, -1, userAggregate(udaf, call), 0, null),
                    call.getType());
        }
        if (call.getOperator() instanceof SqlAggFunction) {
            Navigation.Kind k;
            switch (kind) {
                case SUM:
                    k = Navigation.Kind.SUM;
                    break;
                case SUM0:
                    k = Navigation.Kind.SUM0;
                    break;
                case COUNT:
                    k = Navigation.Kind.COUNT;
                    break;
                case MIN:
                    k = Navigation.Kind.MIN;
                    break;
                case MAX:
                    k = Navigation.Kind.MAX;
                    break;
                case AVG:
                    k = Navigation.Kind.AVG;
                    break;
                default:
                    throw new UnsupportedFeatureException("aggregate function " + name + " in MATCH_RECOGNIZE");
            }
            if (call.getOperands().size() > 1) {
                throw new UnsupportedFeatureException("aggregate " + name + " with several arguments in"
                        + " MATCH_RECOGNIZE");
            }
            int[] source = call.getOperands().isEmpty() ? new int[] {-1, -1}
                    : source(call.getOperands().get(0), name);
            return add(new Navigation(k, source[0], source[1], 0, null), call.getType());
        }
        return super.visitCall(call);
    }

    /**
     * An aggregate operand without the {@code LAST(x, 0)} (or {@code PREV(x, 0)}, {@code RUNNING}, {@code FINAL})
     * Calcite's validator wraps around column references it does not see as aggregate arguments.
     */
    private static RexNode plainOperand(RexNode operand) {
        while (operand instanceof RexCall c) {
            SqlKind k = c.getKind();
            if (k == SqlKind.RUNNING || k == SqlKind.FINAL) {
                operand = c.getOperands().get(0);
            } else if ((k == SqlKind.LAST || k == SqlKind.PREV) && c.getOperands().size() == 2
                    && c.getOperands().get(1) instanceof RexLiteral lit
                    && lit.getValueAs(Integer.class) == 0) {
                operand = c.getOperands().get(0);
            } else {
                break;
            }
        }
        return operand;
    }

    /** Registers a call of a user-defined aggregate function with the owner; returns its index. */
    private int userAggregate(io.sluice.codegen.udf.AggregateUserSqlFunction udaf, RexCall call) {
        String name = udaf.getName();
        int element = -2;
        int[] columns = new int[call.getOperands().size()];
        List<LogicalType> argTypes = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            RexNode operand = plainOperand(call.getOperands().get(i));
            int[] source = source(operand, name);
            if (element != -2 && source[0] != element) {
                throw new ValidationException("Aggregation " + name + " must be applied to a single pattern"
                        + " variable: " + call);
            }
            element = source[0];
            columns[i] = source[1];
            argTypes.add(RelTypes.toLogicalType(operand.getType()));
        }
        MatchNavigations owner = derivedOwner == null ? this : derivedOwner;
        owner.userAggregates.add(new UserAggregateCall(element == -2 ? -1 : element, columns, argTypes,
                owner.invokers.generate("MATCH_RECOGNIZE " + call, udaf.function(), argTypes)));
        return owner.userAggregates.size() - 1;
    }

    private int element(String alpha) {
        Integer e = elements.get(alpha);
        return e == null ? -1 : e; // the table's name or '*': every row of the match
    }

    /**
     * {element, column} of the rows an expression inside a navigation or aggregate reads: a field of one
     * pattern variable, or an expression over fields of one variable (a derived column).
     */
    private int[] source(RexNode expr, String function) {
        if (expr instanceof RexPatternFieldRef ref) {
            return new int[] {element(ref.getAlpha()), ref.getIndex()};
        }
        List<String> alphas = new ArrayList<>();
        RexNode rewritten = expr.accept(new RexShuttle() {
            @Override
            public RexNode visitPatternFieldRef(RexPatternFieldRef ref) {
                if (!alphas.contains(ref.getAlpha())) {
                    alphas.add(ref.getAlpha());
                }
                return new RexInputRef(ref.getIndex(), ref.getType());
            }

            @Override
            public RexNode visitCall(RexCall call) {
                if (call.getKind() == SqlKind.PREV || call.getKind() == SqlKind.LAST
                        || call.getKind() == SqlKind.FIRST || call.getOperator() instanceof SqlAggFunction) {
                    throw new UnsupportedFeatureException("nested navigation or aggregation (" + function
                            + " over " + call.getOperator().getName() + ") in MATCH_RECOGNIZE");
                }
                return super.visitCall(call);
            }
        });
        if (alphas.size() > 1) {
            throw new ValidationException("Aggregation or navigation " + function + " must be applied to a"
                    + " single pattern variable, but '" + expr + "' refers to " + alphas);
        }
        MatchNavigations owner = derivedOwner == null ? this : derivedOwner;
        String key = rewritten.toString();
        Integer index = owner.derivedSeen.get(key);
        if (index == null) {
            index = owner.derived.size();
            owner.derived.add(rewritten);
            owner.derivedSeen.put(key, index);
        }
        int element = alphas.isEmpty() ? -1 : element(alphas.get(0));
        return new int[] {element, inputRowType.getFieldCount() + index};
    }
}
