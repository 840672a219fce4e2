/** The Calc operator: runs a generated fused filter-and-projection kernel over each batch. */
package io.sluice.runtime.operator.calc;
