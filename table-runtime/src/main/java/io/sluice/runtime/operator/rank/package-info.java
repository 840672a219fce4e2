/**
 * Streaming Top-N and deduplication: {@link io.sluice.runtime.operator.rank.RankOperator}
 * ({@code ROW_NUMBER() ... WHERE rn <= N}, with the changelog of Flink's append-only and retractable
 * Top-N functions) and {@link io.sluice.runtime.operator.rank.DeduplicateOperator}
 * ({@code ROW_NUMBER() OVER (PARTITION BY k ORDER BY time) = 1}, keep first or last row on processing
 * time or rowtime). State rows live in a columnar row store with dead-id compaction; partitions are
 * found a batch at a time through {@link io.sluice.runtime.operator.keys.KeyHashTable}.
 */
package io.sluice.runtime.operator.rank;
