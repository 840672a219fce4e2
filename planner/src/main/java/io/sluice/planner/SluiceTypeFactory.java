package io.sluice.planner;

import io.sluice.codegen.SluiceTypeSystem;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeMappingRule;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The planner's type factory: UTF-8 strings, and a common type of several types that ignores untyped NULLs.
 *
 * <p>Calcite derives the common type of {@code ARRAY['k1']}, {@code NULL} and {@code ARRAY['k']} (the rows of a
 * VALUES clause, the branches of a CASE) by casting: the NULL has no element type, so the collection rule gives
 * up, and the cast rule then keeps the last type every earlier one casts to, {@code CHAR(1) ARRAY}, which cuts
 * {@code 'k1'} to {@code 'k'}. Leaving the NULLs out of the derivation and making the result nullable gives
 * {@code CHAR(2) ARRAY}, as Flink's type merging does.
 */
final class SluiceTypeFactory extends JavaTypeFactoryImpl {
    SluiceTypeFactory() {
        super(SluiceTypeSystem.INSTANCE);
    }

    @Override
    public Charset getDefaultCharset() {
        return StandardCharsets.UTF_8;
    }

    @Override
    public @Nullable RelDataType leastRestrictive(List<RelDataType> types, SqlTypeMappingRule mappingRule) {
        List<RelDataType> typed = withoutNulls(types);
        if (typed == null) {
            return super.leastRestrictive(types, mappingRule);
        }
        RelDataType common = super.leastRestrictive(typed, mappingRule);
        return common == null ? null : createTypeWithNullability(common, true);
    }

    /** The types that are not the NULL type, or null when there is no NULL type or only NULL types. */
    private static @Nullable List<RelDataType> withoutNulls(List<RelDataType> types) {
        List<RelDataType> typed = new ArrayList<>(types.size());
        for (RelDataType t : types) {
            if (t.getSqlTypeName() != SqlTypeName.NULL) {
                typed.add(t);
            }
        }
        return typed.size() == types.size() || typed.isEmpty() ? null : typed;
    }
}
