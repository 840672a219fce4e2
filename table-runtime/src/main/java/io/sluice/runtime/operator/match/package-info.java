/**
 * Row pattern recognition ({@code MATCH_RECOGNIZE}): {@link io.sluice.runtime.operator.match.MatchRecognizeOperator}
 * buffers rows per partition key until the watermark passes them, feeds them in time order to an
 * {@link io.sluice.runtime.operator.match.Nfa} of the pattern, and projects every match through generated
 * measures. {@link io.sluice.runtime.operator.match.Navigation} evaluates PREV/LAST/FIRST, aggregates and
 * CLASSIFIER over the rows of a (partial) match.
 */
package io.sluice.runtime.operator.match;
