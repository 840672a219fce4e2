/** Distances between records, for {@code DeltaEvictor}. */
package io.sluice.streaming.api.functions.windowing.delta;
