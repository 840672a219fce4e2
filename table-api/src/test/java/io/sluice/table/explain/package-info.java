/** EXPLAIN golden tests: plan text of representative queries compared with reviewed reference files. */
package io.sluice.table.explain;
