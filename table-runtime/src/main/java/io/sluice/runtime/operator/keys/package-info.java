/**
 * Hash tables over Arrow key columns: {@link io.sluice.runtime.operator.keys.KeyHashTable} assigns each
 * distinct key (one or more columns of any {@link io.sluice.runtime.types.LogicalType}) a dense int id.
 * Hashing and equality are typed per column and read the vectors' buffers directly (no boxing, no
 * String decoding); a key of one integral column takes a primitive-array fast path
 * ({@code IntegralKeyIndex}). Used by hash aggregation, DISTINCT aggregates and hash joins.
 */
package io.sluice.runtime.operator.keys;
