/** {@code UNNEST}: one output row per element of an ARRAY, entry of a MAP or element of a MULTISET. */
package io.sluice.runtime.operator.unnest;
