/**
 * The benchmark-only {@code 'connector' = 'nexmark'} source: deterministic, splittable generators of
 * the Nexmark person, auction and bid tables that write Arrow vectors directly.
 */
package io.sluice.benchmarks.nexmark;
