package io.sluice.table.api.internal;

import io.sluice.sql.parser.ast.ModuleStatement;
import io.sluice.table.api.ValidationException;
import io.sluice.types.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The modules of a session, as Flink's {@code LOAD MODULE}, {@code UNLOAD MODULE}, {@code USE MODULES} and
 * {@code SHOW [FULL] MODULES} see them. Sluice has one module, {@code core}, which provides the built-in
 * functions; it is loaded and used from the start. As in Flink it can be unloaded or left out of
 * {@code USE MODULES} (built-in functions then no longer resolve, see {@link #coreUsed()}) and loaded again, which
 * puts it at the end of the used modules. Other modules (Flink's {@code hive}) do not exist here, so loading one
 * fails as it does in Flink when no factory serves the name.
 */
final class SessionModules {
    static final String CORE = "core";

    /** Loaded modules in load order, each with whether it is used. */
    private final Map<String, Boolean> loaded = new LinkedHashMap<>(Map.of(CORE, true));
    /** Used modules in resolution order. */
    private final List<String> used = new ArrayList<>(List.of(CORE));

    void execute(ModuleStatement s) {
        switch (s.kind()) {
            case LOAD -> load(s.modules().get(0), s.options());
            case UNLOAD -> unload(s.modules().get(0));
            case USE -> use(s.modules());
            default -> throw new IllegalStateException(s.kind().toString());
        }
    }

    private void load(String name, Map<String, String> options) {
        if (loaded.containsKey(name)) {
            throw new ValidationException("A module with name '" + name + "' already exists");
        }
        if (!name.equals(CORE)) {
            throw new ValidationException("Could not find any factory for identifier '" + name + "' that implements"
                    + " a module in the classpath. Available factory identifiers are: " + CORE);
        }
        if (!options.isEmpty()) {
            throw new ValidationException("Module '" + CORE + "' takes no options, but got " + options.keySet());
        }
        loaded.put(name, true);
        used.add(name);
    }

    private void unload(String name) {
        if (!loaded.containsKey(name)) {
            throw new ValidationException("No module with name '" + name + "' exists");
        }
        loaded.remove(name);
        used.remove(name);
    }

    private void use(List<String> names) {
        List<String> seen = new ArrayList<>();
        for (String n : names) {
            if (seen.contains(n)) {
                throw new ValidationException("Module '" + n + "' appears more than once");
            }
            if (!loaded.containsKey(n)) {
                throw new ValidationException("No module with name '" + n + "' exists");
            }
            seen.add(n);
        }
        used.clear();
        used.addAll(seen);
        loaded.replaceAll((n, u) -> seen.contains(n));
    }

    /** Whether module {@code core} is loaded and used, so that built-in functions resolve. */
    boolean coreUsed() {
        return used.contains(CORE);
    }

    /** {@code SHOW MODULES}: the used modules in resolution order. */
    List<String> usedModules() {
        return List.copyOf(used);
    }

    /** {@code SHOW FULL MODULES}: used modules first in resolution order, then the loaded unused ones. */
    List<Row> allModules() {
        List<Row> rows = new ArrayList<>();
        for (String n : used) {
            rows.add(Row.of(n, true));
        }
        loaded.forEach((n, u) -> {
            if (!u) {
                rows.add(Row.of(n, false));
            }
        });
        return rows;
    }
}
