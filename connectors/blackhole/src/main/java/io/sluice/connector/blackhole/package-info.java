/** The {@code blackhole} connector: a sink that discards every row (for benchmarks and tests). */
package io.sluice.connector.blackhole;
