package io.sluice.codegen.functions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * The registry of built-in functions and the operator table the planner validates with:
 * Calcite's standard operators plus the library and Sluice operators that give Flink's function
 * names and semantics.
 */
public final class BuiltInFunctions {
    private static final List<BuiltInFunction> ALL = List.of(
            new ComparisonFunctions(),
            new LogicalFunctions(),
            new NullPredicates(),
            new DistinctFunctions(),
            new SearchFunction(),
            new ArithmeticFunctions(),
            new ConditionalFunctions(),
            new CastFunctions(),
            new CaseFunctions(),
            new TrimFunctions(),
            new SubstringFunctions(),
            new StringSearchFunctions(),
            new ConcatFunctions(),
            new PadFunctions(),
            new SplitIndexFunction(),
            new RegexpFunctions(),
            new LikeFunctions(),
            new MathFunctions(),
            new RoundingFunctions(),
            new TrigonometricFunctions(),
            new LogarithmFunctions(),
            new StringTransformFunctions(),
            new TemporalFunctions(),
            new CurrentTimeFunctions(),
            new DateFormatFunctions(),
            new UnixTimeFunctions(),
            new TypeOfFunction(),
            new ProctimeFunction(),
            new HashFunctions(),
            new HashCodeFunction(),
            new GreatestLeastFunctions(),
            new StringEndsFunctions(),
            new RegexpMatchFunctions(),
            new UrlFunctions(),
            new InetFunctions(),
            new CharacterClassFunctions(),
            new RadixFunctions(),
            new PrintfFunction(),
            new EltFunction(),
            new StructuredFunctions(),
            new TranslateOverlayFunctions(),
            new ConvertTzFunction(),
            new JsonFunctions(),
            new UuidFunction(),
            new MatchFunctions(),
            new CollectionFunctions(),
            new ArrayFunctions(),
            new MapFunctions(),
            new GroupAggregateFunctions(),
            new CollectionAggregateFunctions(),
            new CurrentWatermarkFunction(),
            new BinaryFunctions());

    private static final Map<SqlOperator, BuiltInFunction> BY_OPERATOR = new IdentityHashMap<>();
    private static final Map<org.apache.calcite.sql.SqlKind, BuiltInFunction> BY_KIND =
            new java.util.EnumMap<>(org.apache.calcite.sql.SqlKind.class);
    private static final Map<String, BuiltInFunction> BY_NAME = new java.util.HashMap<>();
    private static final SqlOperatorTable TABLE;

    static {
        Set<SqlOperator> extra = new LinkedHashSet<>();
        Set<SqlOperator> std = Collections.newSetFromMap(new IdentityHashMap<>());
        std.addAll(SqlStdOperatorTable.instance().getOperatorList());
        Set<String> shadowedNames = new java.util.HashSet<>();
        for (BuiltInFunction f : ALL) {
            for (SqlOperator op : f.operators()) {
                BY_OPERATOR.put(op, f);
                if (!std.contains(op)) {
                    shadowedNames.add(op.getName().toUpperCase(java.util.Locale.ROOT));
                }
                if (op.getKind() != org.apache.calcite.sql.SqlKind.OTHER_FUNCTION
                        && op.getKind() != org.apache.calcite.sql.SqlKind.OTHER) {
                    BY_KIND.putIfAbsent(op.getKind(), f);
                } else {
                    BY_NAME.putIfAbsent(op.getName(), f);
                }
                if (!std.contains(op)) {
                    extra.add(op);
                }
            }
        }
        TABLE = SqlOperatorTables.chain(new ShadowedOperatorTable(SqlStdOperatorTable.instance(), shadowedNames),
                SqlOperatorTables.of(new ArrayList<>(extra)));
    }

    private BuiltInFunctions() {
    }

    /** All built-in functions, in documentation order. */
    public static List<BuiltInFunction> all() {
        return ALL;
    }

    /** The function generating calls of {@code op}, or null if there is none. */
    public static BuiltInFunction lookup(SqlOperator op) {
        BuiltInFunction f = BY_OPERATOR.get(op);
        if (f == null) {
            f = op.getKind() == org.apache.calcite.sql.SqlKind.OTHER_FUNCTION
                    || op.getKind() == org.apache.calcite.sql.SqlKind.OTHER
                    ? BY_NAME.get(op.getName()) : BY_KIND.get(op.getKind());
        }
        return f;
    }

    /** Operators the planner should validate SQL with. */
    public static SqlOperatorTable operatorTable() {
        return TABLE;
    }
}
