/**
 * Code generation: {@link io.sluice.codegen.CodeGenerator} turns Calcite expressions into Janino-compiled
 * classes implementing the runtime's generated-code interfaces; {@link io.sluice.codegen.JaninoCompiler}
 * compiles and caches them; {@link io.sluice.codegen.RelTypes} and {@link io.sluice.codegen.SluiceTypeSystem}
 * bridge Calcite's and the runtime's types.
 */
package io.sluice.codegen;
