/**
 * Functions and the rewrites of parsed queries before validation: the session's function catalog and loaders,
 * window table functions, Flink's group-window and partitioned-SESSION syntax, the current catalog's context, and
 * UNNEST of several collections ({@link io.sluice.planner.functions.ZippedUnnest}).
 */
package io.sluice.planner.functions;
