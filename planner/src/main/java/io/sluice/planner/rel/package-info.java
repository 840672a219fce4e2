/**
 * Sluice's own logical plan nodes: the watermark assigner a table's {@code WATERMARK} clause adds and the temporal
 * join {@code FOR SYSTEM_TIME AS OF} becomes.
 */
package io.sluice.planner.rel;
