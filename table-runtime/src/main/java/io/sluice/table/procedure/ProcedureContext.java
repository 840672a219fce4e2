package io.sluice.table.procedure;

import io.sluice.runtime.config.Configuration;

/**
 * What a {@link io.sluice.table.procedures.Procedure}'s {@code call} method is given about the session that calls
 * it. Flink's {@code ProcedureContext} hands out a {@code StreamExecutionEnvironment}; Sluice's gives the session's
 * configuration (a copy), from which a procedure can create its own environment.
 */
public interface ProcedureContext {
    /** A copy of the calling session's configuration. */
    Configuration getConfiguration();
}
