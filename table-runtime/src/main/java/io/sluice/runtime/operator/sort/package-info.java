/**
 * ORDER BY and LIMIT: {@link io.sluice.runtime.operator.sort.SortOperator} (full sort or bounded top-N),
 * {@link io.sluice.runtime.operator.sort.LimitOperator}, and the reusable pieces other ordered operators
 * build on: {@link io.sluice.runtime.operator.sort.SortKey}, typed
 * {@link io.sluice.runtime.operator.sort.ColumnComparator}s combined into a
 * {@link io.sluice.runtime.operator.sort.RowComparator}, a stable primitive
 * {@link io.sluice.runtime.operator.sort.IntSorter}, the growable
 * {@link io.sluice.runtime.operator.sort.RowBuffer} and {@link io.sluice.runtime.operator.sort.VectorGather}.
 */
package io.sluice.runtime.operator.sort;
