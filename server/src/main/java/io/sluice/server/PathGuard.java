package io.sluice.server;

import io.sluice.runtime.config.CheckpointingOptions;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.state.keyed.StateOptions;
import io.sluice.sql.parser.StatementParser;
import io.sluice.sql.parser.ast.AddJarStatement;
import io.sluice.sql.parser.ast.AlterCatalogStatement;
import io.sluice.sql.parser.ast.CompilePlanStatement;
import io.sluice.sql.parser.ast.CreateCatalogStatement;
import io.sluice.sql.parser.ast.ExecutePlanStatement;
import io.sluice.sql.parser.ast.ParsedStatement;
import io.sluice.sql.parser.ast.SetStatement;
import io.sluice.table.api.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the files server sessions name under the server's {@code --allowed-dir} directories: besides filesystem
 * tables (which their connector checks through {@code sluice.filesystem.allowed-paths}), the plan files of
 * {@code COMPILE PLAN} and {@code EXECUTE PLAN}, the jars of {@code ADD JAR}, the directory of a persistent
 * ({@code 'path'}) catalog in {@code CREATE CATALOG} / {@code ALTER CATALOG ... SET}, and the checkpoint, savepoint
 * and state directories a session sets with {@code SET}. A path is resolved (relative to the server's working
 * directory, {@code ..} removed, symbolic links of its existing part followed) before it is compared.
 */
public final class PathGuard {
    /** Options whose value is a directory or file the job reads or writes. */
    static final Set<String> PATH_OPTIONS = Set.of(CheckpointingOptions.DIRECTORY.key(),
            CheckpointingOptions.SAVEPOINT_DIRECTORY.key(), CheckpointingOptions.SAVEPOINT_PATH.key(),
            StateOptions.ROCKSDB_LOCAL_DIR.key(), ExecutionOptions.CODEGEN_DUMP_DIR.key(),
            // Flink's older names of the checkpoint and savepoint directories
            "state.checkpoints.dir", "state.savepoints.dir", "execution.checkpointing.checkpoints-dir");

    private final List<Path> allowed;

    /** A guard for these directories; with none, every path is allowed. */
    public PathGuard(List<String> allowedDirs) {
        List<Path> dirs = new ArrayList<>();
        for (String d : allowedDirs) {
            dirs.add(resolve(d));
        }
        this.allowed = List.copyOf(dirs);
    }

    /** Whether any directory limits the sessions. */
    public boolean active() {
        return !allowed.isEmpty();
    }

    /**
     * Refuses a statement that names a file outside the allowed directories. Statements that do not parse pass (the
     * engine then reports the syntax error).
     */
    public void checkStatement(String statement) {
        if (!active()) {
            return;
        }
        ParsedStatement parsed;
        try {
            parsed = StatementParser.parse(statement);
        } catch (RuntimeException e) { // SqlParseException among them
            return;
        }
        if (parsed instanceof CompilePlanStatement c) {
            check("the plan file of COMPILE PLAN", c.path());
        } else if (parsed instanceof ExecutePlanStatement e) {
            check("the plan file of EXECUTE PLAN", e.path());
        } else if (parsed instanceof AddJarStatement j) {
            check("ADD JAR", j.path());
        } else if (parsed instanceof CreateCatalogStatement c) {
            checkCatalogOptions(c.name(), c.options());
        } else if (parsed instanceof AlterCatalogStatement a && a.action() == AlterCatalogStatement.Action.SET) {
            checkCatalogOptions(a.catalog(), a.options());
        } else if (parsed instanceof SetStatement s && !s.isList()) {
            checkOption(s.key(), s.value());
        }
    }

    /** Refuses an option (SET, session properties) whose value is a path outside the allowed directories. */
    public void checkOption(String key, String value) {
        if (active() && value != null && !value.isBlank() && PATH_OPTIONS.contains(key.trim())) {
            check("'" + key.trim() + "'", value);
        }
    }

    private void checkCatalogOptions(String catalog, Map<String, String> options) {
        String path = options.get("path");
        if (path != null) {
            check("the directory of catalog " + catalog, path);
        }
    }

    /** Refuses {@code path} (what: what names it, for the message) unless it lies under an allowed directory. */
    public void check(String what, String path) {
        if (!active()) {
            return;
        }
        Path p;
        try {
            p = resolve(path);
        } catch (InvalidPathException e) {
            throw new ValidationException("Invalid path '" + path + "' of " + what + ": " + e.getMessage());
        }
        for (Path dir : allowed) {
            if (p.startsWith(dir)) {
                return;
            }
        }
        List<String> dirs = allowed.stream().map(Path::toString).toList();
        throw new ValidationException(what + " may not use '" + path + "': server sessions may only read and write"
                + " under " + dirs + " (the server's --allowed-dir)");
    }

    /**
     * An absolute, normalized path with the symbolic links of its longest existing part resolved; {@code file:}
     * URIs are taken as their path.
     */
    static Path resolve(String path) {
        String text = path.trim();
        if (text.toLowerCase(Locale.ROOT).startsWith("file:")) {
            text = text.substring("file:".length());
            while (text.startsWith("//")) {
                text = text.substring(1);
            }
        }
        Path p = Path.of(text).toAbsolutePath().normalize();
        Path existing = p;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(p)).normalize();
        } catch (IOException e) {
            return p;
        }
    }
}
