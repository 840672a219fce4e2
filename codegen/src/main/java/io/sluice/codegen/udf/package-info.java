/**
 * User-defined functions in planning and generated code: reflection over a function class into typed
 * signatures ({@link io.sluice.codegen.udf.UserFunction}), the Calcite operators that validate calls
 * ({@link io.sluice.codegen.udf.UserFunctionOperators}), and the code that calls {@code eval} directly from
 * generated kernels ({@link io.sluice.codegen.udf.ScalarCallGenerator},
 * {@link io.sluice.codegen.udf.TableFunctionCodeGenerator}), and the invokers that call a user-defined
 * aggregate function's {@code accumulate}/{@code retract} directly
 * ({@link io.sluice.codegen.udf.AggregateInvokerGenerator}).
 */
package io.sluice.codegen.udf;
