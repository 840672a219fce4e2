/** Tests that walk Flink's list of built-in SQL functions and check Sluice runs each or documents why not. */
package io.sluice.table.functions;
