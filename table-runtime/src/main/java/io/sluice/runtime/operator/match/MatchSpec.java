package io.sluice.runtime.operator.match;

import io.sluice.runtime.generated.BatchCalc;
import io.sluice.runtime.generated.GeneratedClass;
import io.sluice.runtime.types.RowType;
import java.util.List;

/**
 * Everything a {@link MatchRecognizeOperator} needs, built by the planner.
 *
 * @param inputType the input rows
 * @param partitionKeys input columns of PARTITION BY
 * @param timeColumn the time attribute the rows are ordered by (first ORDER BY key)
 * @param rowtime whether it is an event-time attribute (rows wait for the watermark) or processing time
 * @param sortColumns further ORDER BY columns (ties of the time attribute)
 * @param sortDescending per further ORDER BY column, whether it is descending
 * @param pattern the pattern elements in order (Flink's subset: a concatenation of quantified variables)
 * @param skip the AFTER MATCH SKIP strategy
 * @param withinMillis the WITHIN bound, or 0
 * @param derived computes extra row columns (expressions over one row that navigation reads), or null
 * @param storedType the input columns followed by the derived ones: the rows navigation reads
 * @param conditions per pattern element its DEFINE condition, or null for one that accepts every row
 * @param measureNavigations the values the measures read from a match
 * @param measureNavigationType the row type of those values
 * @param measures the generated projection from those values to the output row
 * @param outputType partition columns followed by the measures
 * @param userAggregates the calls of user-defined aggregate functions navigation of kind USER_AGGREGATE refers to
 */
public record MatchSpec(RowType inputType, int[] partitionKeys, int timeColumn, boolean rowtime, int[] sortColumns,
        boolean[] sortDescending, List<PatternElement> pattern, AfterMatchSkip skip, long withinMillis,
        GeneratedClass<BatchCalc> derived, RowType storedType, List<DefineCondition> conditions,
        List<Navigation> measureNavigations, RowType measureNavigationType, GeneratedClass<BatchCalc> measures,
        RowType outputType, List<UserAggregateCall> userAggregates) {
}
