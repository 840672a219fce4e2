/**
 * Translation of the physical plan into runtime transformations: {@link io.sluice.planner.translate.JobGraphGenerator}
 * is the entry point, and the translators of the larger operators (joins, MATCH_RECOGNIZE, temporal and lookup joins,
 * correlates) hold the analysis and checks their physical nodes call, with Flink's messages.
 */
package io.sluice.planner.translate;
