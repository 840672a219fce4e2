package io.sluice.runtime.operator.match;

import io.sluice.runtime.generated.BatchPredicate;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.types.RowType;
import java.util.List;

/**
 * The compiled DEFINE condition of one pattern variable: the values it reads from the match
 * ({@code navigations}, the columns of {@code navigationType}) and a generated predicate over one such row.
 */
public record DefineCondition(List<Navigation> navigations, RowType navigationType,
        GeneratedClass<BatchPredicate> predicate) {
}
