/**
 * The physical plan: Sluice's own plan nodes (convention {@link io.sluice.planner.physical.PhysicalRel#SLUICE}),
 * produced from the optimized logical plan by the rules listed in {@link io.sluice.planner.physical.PhysicalRules}.
 * Each node describes itself: the row kinds it emits and accepts, how its inputs are distributed, whether it keeps
 * state, its EXPLAIN text and the runtime transformation it becomes.
 * {@link io.sluice.planner.physical.ChangelogInference} derives every node's changelog mode from those declarations
 * in one generic walk.
 */
package io.sluice.planner.physical;
