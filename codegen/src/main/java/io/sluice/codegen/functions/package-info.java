/**
 * Built-in SQL functions: one family per file, each a {@link io.sluice.codegen.functions.BuiltInFunction}
 * carrying its SQL names, a description (documentation as data), the Calcite operators it generates
 * code for, and the generator itself. {@link io.sluice.codegen.functions.BuiltInFunctions} is the
 * registry and the operator table the planner validates with.
 */
package io.sluice.codegen.functions;
