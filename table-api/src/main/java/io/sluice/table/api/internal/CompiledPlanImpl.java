package io.sluice.table.api.internal;

import io.sluice.table.api.CompiledPlan;
import io.sluice.table.api.ExplainDetail;
import io.sluice.table.api.TableException;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.UnsupportedFeatureException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A {@link CompiledPlan}: the statement is compiled with {@code COMPILE PLAN} into a file of its own when the plan is
 * made, so the plan is the one of that moment; writing it copies that file, executing it is {@code EXECUTE PLAN}.
 */
final class CompiledPlanImpl implements CompiledPlan {
    private final TableEnvironmentImpl env;
    private final Path file;

    private CompiledPlanImpl(TableEnvironmentImpl env, Path file) {
        this.env = env;
        this.file = file;
    }

    /** Compiles {@code statement} (an INSERT or a STATEMENT SET) now. */
    static CompiledPlan compile(TableEnvironmentImpl env, String statement) {
        Path file;
        try {
            file = Files.createTempFile("sluice-plan-", ".json");
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file.toFile().deleteOnExit();
        env.executeSql("COMPILE PLAN " + ExprRenderer.literal(file.toString(), null) + " FOR " + statement);
        return new CompiledPlanImpl(env, file);
    }

    @Override
    public String asJsonString() {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void writeToFile(String path, boolean ignoreIfExists) {
        Path target = StatementExecutor.planFile(path);
        boolean exists = Files.exists(target);
        if (exists && ignoreIfExists) {
            return;
        }
        if (exists && !env.configuration().get(SessionOptions.PLAN_FORCE_RECOMPILE)) {
            throw new TableException("Cannot overwrite the plan file '" + target + "'. Either manually remove the file"
                    + " or, if you're debugging your job, set the option 'table.plan.force-recompile' to true.");
        }
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new TableException("Cannot write the plan file '" + target + "': " + e.getMessage(), e);
        }
    }

    @Override
    public io.sluice.FlinkVersion getFlinkVersion() {
        return CompiledPlans.flinkVersion(file);
    }

    @Override
    public String explain(ExplainDetail... extraDetails) {
        if (extraDetails.length > 0) {
            throw new UnsupportedFeatureException("explain details of a compiled plan; explain the pipeline itself "
                    + "with them");
        }
        return CompiledPlans.read(file).plan();
    }

    @Override
    public TableResult execute() {
        return env.executeSql("EXECUTE PLAN " + ExprRenderer.literal(file.toString(), null));
    }

    @Override
    public String toString() {
        return asJsonString();
    }
}
