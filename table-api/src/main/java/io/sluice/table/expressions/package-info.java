/** The Table API's expression interfaces and the units temporal expressions take (Flink's package layout). */
package io.sluice.table.expressions;
