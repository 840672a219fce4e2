/**
 * Static helper methods called by generated code: string, decimal, cast, date/time, hashing and
 * pattern-matching kernels. Methods here are pure functions of their arguments (or of a per-thread
 * cache), never allocate in the common fast paths where they work on UTF-8 bytes, and report bad
 * input with {@link io.sluice.codegen.runtime.CastException} or a {@link java.lang.ArithmeticException}.
 */
package io.sluice.codegen.runtime;
