package io.sluice.table.api;

import java.io.File;
import java.nio.file.Path;

/**
 * The plan of a pipeline that writes to tables, fixed when it was compiled ({@code TablePipeline.compilePlan()},
 * {@code StatementSet.compilePlan()}), as the file {@code COMPILE PLAN} writes: JSON holding the statement and its plan.
 * {@link #execute()} runs it, refusing when the statement would now be planned differently (a table it reads changed,
 * or Sluice did); the file can be run later with {@code EXECUTE PLAN 'file'}.
 */
public interface CompiledPlan {
    /** The plan as JSON text, the content of the file {@link #writeToFile(String)} writes. */
    String asJsonString();

    /** Writes the plan to a file; fails when it exists, unless {@code 'table.plan.force-recompile'} is true. */
    default void writeToFile(String path) {
        writeToFile(path, false);
    }

    /** Writes the plan to a file; an existing file is kept when {@code ignoreIfExists}. */
    void writeToFile(String path, boolean ignoreIfExists);

    default void writeToFile(Path path) {
        writeToFile(path.toString());
    }

    default void writeToFile(Path path, boolean ignoreIfExists) {
        writeToFile(path.toString(), ignoreIfExists);
    }

    default void writeToFile(File file) {
        writeToFile(file.getPath());
    }

    default void writeToFile(File file, boolean ignoreIfExists) {
        writeToFile(file.getPath(), ignoreIfExists);
    }

    /** Prints {@link #asJsonString()}; returns this plan. */
    default CompiledPlan printJsonString() {
        System.out.println(asJsonString());
        return this;
    }

    /** The Flink version whose SQL the plan was compiled as ({@link io.sluice.FlinkVersion#current()}). */
    io.sluice.FlinkVersion getFlinkVersion();

    /** The plan, as {@code EXPLAIN} of its statement showed it when it was compiled. */
    String explain(ExplainDetail... extraDetails);

    /** Prints {@link #explain(ExplainDetail...)}; returns this plan. */
    default CompiledPlan printExplain(ExplainDetail... extraDetails) {
        System.out.println(explain(extraDetails));
        return this;
    }

    /** Runs the compiled plan (as {@code EXECUTE PLAN}). */
    TableResult execute();
}
