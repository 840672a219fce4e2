/**
 * The {@code datagen} connector: a source that generates rows in memory, with Flink's options
 * ({@code rows-per-second}, {@code number-of-rows}, and per column {@code fields.<name>.kind},
 * {@code min}, {@code max}, {@code max-past}, {@code length}, {@code var-len}, {@code null-rate},
 * {@code start}, {@code end}). Values are written straight into Arrow vectors, one typed loop per column.
 */
package io.sluice.connector.datagen;
