/** UNION ALL of several inputs with the same column types. */
package io.sluice.runtime.operator.union;
