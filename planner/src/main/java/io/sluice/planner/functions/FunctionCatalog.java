package io.sluice.planner.functions;

import io.sluice.codegen.udf.UserFunction;
import io.sluice.codegen.udf.UserFunctionOperators;
import io.sluice.planner.catalog.Catalog;
import io.sluice.planner.catalog.CatalogFunction;
import io.sluice.planner.catalog.CatalogManager;
import io.sluice.planner.catalog.ObjectIdentifier;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/**
 * The user-defined functions of a session, resolved as Flink does: temporary system functions (no
 * namespace) shadow built-in functions, which shadow temporary catalog functions, which shadow catalog
 * functions of the current (or the named) catalog and database. Function names match case-insensitively
 * and are listed in lower case.
 *
 * <p>Temporary functions live here, in memory. Catalog functions are stored by their {@link Catalog} as a
 * {@link CatalogFunction} definition (class name, language, jars), so a persistent catalog keeps them across
 * sessions; the loaded classes are cached here and reloaded when the stored definition changes (for example
 * when another session dropped and re-created the function). Not thread-safe (one per session).
 */
public final class FunctionCatalog {
    private final CatalogManager catalogs;
    private final Map<String, Entry> temporarySystem = new LinkedHashMap<>();
    private final Map<ObjectIdentifier, Entry> temporary = new LinkedHashMap<>();
    /** Loaded catalog functions, checked against the catalog's definition on every lookup. */
    private final Map<ObjectIdentifier, Loaded> catalogFunctions = new LinkedHashMap<>();
    private ClassLoader classLoader;
    /** Whether built-in functions resolve (false while the session's module {@code core} is not used). */
    private boolean builtInFunctions = true;

    /** A registered function with its Calcite operator. */
    private static final class Entry {
        final UserFunction function;
        final SqlFunction operator;

        Entry(UserFunction function) {
            this.function = function;
            this.operator = UserFunctionOperators.create(function);
        }
    }

    /** A catalog function's stored definition and its loaded class. */
    private static final class Loaded {
        final CatalogFunction definition;
        final Entry entry;

        Loaded(CatalogFunction definition, Entry entry) {
            this.definition = definition;
            this.entry = entry;
        }
    }

    /** Stored catalog functions are loaded through this class's own class loader. */
    public FunctionCatalog(CatalogManager catalogs) {
        this(catalogs, FunctionCatalog.class.getClassLoader());
    }

    /** Stored catalog functions (and their jars) are loaded through {@code classLoader}. */
    public FunctionCatalog(CatalogManager catalogs, ClassLoader classLoader) {
        this.catalogs = catalogs;
        this.classLoader = classLoader;
    }

    /**
     * Loads stored catalog functions (and their jars) through {@code loader} from now on, for example a session
     * class loader that also sees the jars of {@code ADD JAR}. Functions loaded before keep their classes.
     */
    public void useClassLoader(ClassLoader loader) {
        this.classLoader = java.util.Objects.requireNonNull(loader, "loader");
    }

    /**
     * Makes built-in functions (calls such as {@code UPPER(s)} or {@code COUNT(*)}) resolve or not, as using or
     * unloading Flink's module {@code core} does. Operators that are SQL syntax ({@code =}, {@code +},
     * {@code CAST}, {@code CASE}, {@code LIKE}, ...) and user-defined functions resolve either way. This hides more
     * than Flink does, whose planner keeps the functions of its own operator table (such as {@code UPPER}) without
     * {@code core}; here every built-in function call is hidden.
     */
    public void useBuiltInFunctions(boolean enabled) {
        this.builtInFunctions = enabled;
    }

    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static ObjectIdentifier normalize(ObjectIdentifier id) {
        return new ObjectIdentifier(id.catalog(), id.database(), normalize(id.object()));
    }

    /** Registers a temporary system function; fails when one of that name exists unless {@code ignoreIfExists}. */
    public void createTemporarySystemFunction(String name, UserFunction function, boolean ignoreIfExists) {
        String key = normalize(name);
        if (temporarySystem.containsKey(key)) {
            if (ignoreIfExists) {
                return;
            }
            throw new ValidationException("Could not register temporary system function. A function named '" + name
                    + "' does already exist.");
        }
        temporarySystem.put(key, new Entry(function));
    }

    /** Registers a temporary catalog function. */
    public void createTemporaryFunction(ObjectIdentifier id, UserFunction function, boolean ignoreIfExists) {
        ObjectIdentifier key = normalize(id);
        requireDatabase(key);
        if (temporary.containsKey(key)) {
            if (ignoreIfExists) {
                return;
            }
            throw new ValidationException("Could not register temporary catalog function. A function '" + id
                    + "' does already exist.");
        }
        temporary.put(key, new Entry(function));
    }

    /**
     * Registers a (permanent) catalog function given by its class (Table API {@code createFunction}); the
     * catalog stores the class name, and a persistent catalog reloads the class by name in later sessions.
     */
    public void createCatalogFunction(ObjectIdentifier id, UserFunction function, boolean ignoreIfExists) {
        createCatalogFunction(id, new CatalogFunction(function.functionClass().getName(), "JAVA", List.of()),
                function, ignoreIfExists);
    }

    /**
     * Registers a (permanent) catalog function in the identifier's catalog and database: {@code definition}
     * is what the catalog stores ({@code CREATE FUNCTION ... AS 'class' LANGUAGE ... USING JAR ...}),
     * {@code function} the class already loaded from it.
     */
    public void createCatalogFunction(ObjectIdentifier id, CatalogFunction definition, UserFunction function,
            boolean ignoreIfExists) {
        ObjectIdentifier key = normalize(id);
        requireDatabase(key);
        Catalog catalog = catalogs.getCatalog(key.catalog()).orElseThrow();
        if (catalog.getFunction(key.database(), key.object()).isPresent()) {
            if (ignoreIfExists) {
                return;
            }
            throw new ValidationException("Could not create catalog function. A function '" + id
                    + "' does already exist.");
        }
        catalog.createFunction(key.database(), key.object(), definition);
        catalogFunctions.put(key, new Loaded(definition, new Entry(function)));
    }

    private void requireDatabase(ObjectIdentifier id) {
        if (!catalogs.hasDatabase(id.catalog(), id.database())) {
            throw new ValidationException("Database " + id.catalog() + "." + id.database() + " does not exist.");
        }
    }

    /** Drops a temporary system function; returns false when absent and {@code ignoreIfNotExists}. */
    public boolean dropTemporarySystemFunction(String name, boolean ignoreIfNotExists) {
        if (temporarySystem.remove(normalize(name)) != null) {
            return true;
        }
        if (ignoreIfNotExists) {
            return false;
        }
        throw new ValidationException("Temporary system function " + name + " does not exist.");
    }

    /** Drops a temporary catalog function. */
    public boolean dropTemporaryFunction(ObjectIdentifier id, boolean ignoreIfNotExists) {
        if (temporary.remove(normalize(id)) != null) {
            return true;
        }
        if (ignoreIfNotExists) {
            return false;
        }
        throw new ValidationException("Temporary catalog function " + id + " does not exist.");
    }

    /** Drops a catalog function; a temporary function of that name must be dropped with DROP TEMPORARY FUNCTION. */
    public boolean dropCatalogFunction(ObjectIdentifier id, boolean ignoreIfNotExists) {
        ObjectIdentifier key = normalize(id);
        if (temporary.containsKey(key)) {
            throw new ValidationException("Function " + id + " is a temporary function; drop it with"
                    + " DROP TEMPORARY FUNCTION.");
        }
        catalogFunctions.remove(key);
        Catalog catalog = catalogs.getCatalog(key.catalog()).orElse(null);
        if (catalog != null && catalog.databaseExists(key.database())
                && catalog.getFunction(key.database(), key.object()).isPresent()) {
            catalog.dropFunction(key.database(), key.object());
            return true;
        }
        if (ignoreIfNotExists) {
            return false;
        }
        throw new ValidationException("Function " + id + " does not exist.");
    }

    /**
     * {@code SHOW USER FUNCTIONS}: temporary system functions and the temporary and catalog functions of the
     * current database, sorted, in lower case.
     */
    public List<String> listUserFunctions() {
        return listUserFunctions(catalogs.currentCatalog(), catalogs.currentDatabase());
    }

    /**
     * Names of the user-defined functions seen from a database ({@code SHOW USER FUNCTIONS FROM catalog.db}):
     * temporary system functions, and the temporary and catalog functions of that database, sorted.
     */
    public List<String> listUserFunctions(String currentCatalog, String currentDatabase) {
        TreeSet<String> names = new TreeSet<>(temporarySystem.keySet());
        for (ObjectIdentifier id : temporary.keySet()) {
            if (id.catalog().equals(currentCatalog) && id.database().equals(currentDatabase)) {
                names.add(id.object());
            }
        }
        Catalog catalog = catalogs.getCatalog(currentCatalog).orElse(null);
        if (catalog != null && catalog.databaseExists(currentDatabase)) {
            names.addAll(catalog.listFunctions(currentDatabase));
        }
        return new ArrayList<>(names);
    }

    /**
     * What {@code DESCRIBE FUNCTION} shows of a user-defined function: whether it is a temporary system function
     * or a temporary catalog function, its loaded class, and its stored definition (null for temporary ones).
     */
    public record Described(boolean system, boolean temporary, UserFunction function, CatalogFunction definition) {
    }

    /** The user-defined function a (possibly qualified) name refers to, described; null when there is none. */
    public Described describe(List<String> names) {
        if (names.size() == 1) {
            Entry e = temporarySystem.get(normalize(names.get(0)));
            if (e != null) {
                return new Described(true, true, e.function, null);
            }
        } else if (names.size() > 3) {
            return null;
        }
        ObjectIdentifier id = normalize(catalogs.qualify(names));
        Entry e = temporary.get(id);
        if (e != null) {
            return new Described(false, true, e.function, null);
        }
        e = catalogFunction(id);
        return e == null ? null : new Described(false, false, e.function, catalogFunctions.get(id).definition);
    }

    /** The function a (possibly qualified) name in SQL refers to, ignoring built-ins, or null. */
    private Entry lookup(List<String> names, boolean systemOnly) {
        if (names.size() == 1) {
            Entry e = temporarySystem.get(normalize(names.get(0)));
            if (e != null || systemOnly) {
                return e;
            }
        } else if (systemOnly || names.size() > 3) {
            return null;
        }
        ObjectIdentifier id = normalize(catalogs.qualify(names));
        Entry e = temporary.get(id);
        return e != null ? e : catalogFunction(id);
    }

    /** The catalog function {@code id} as currently stored, loading (or reloading) its class when needed. */
    private Entry catalogFunction(ObjectIdentifier id) {
        Catalog catalog = catalogs.getCatalog(id.catalog()).orElse(null);
        CatalogFunction definition = catalog == null || !catalog.databaseExists(id.database()) ? null
                : catalog.getFunction(id.database(), id.object()).orElse(null);
        if (definition == null) {
            catalogFunctions.remove(id);
            return null;
        }
        Loaded loaded = catalogFunctions.get(id);
        if (loaded == null || !loaded.definition.equals(definition)) {
            UserFunction f = FunctionLoader.load(id.object(), definition.className(), definition.language(),
                    definition.jars(), classLoader);
            loaded = new Loaded(definition, new Entry(f));
            catalogFunctions.put(id, loaded);
        }
        return loaded.entry;
    }

    /**
     * {@code builtIns} extended with the user-defined functions of this catalog, in Flink's resolution order.
     * The table reads the catalog at lookup time, so functions registered later are seen.
     */
    private static final SqlNameMatcher BUILT_IN_NAMES =
            org.apache.calcite.sql.validate.SqlNameMatchers.withCaseSensitive(false);

    public SqlOperatorTable withUserFunctions(SqlOperatorTable builtIns) {
        return new SqlOperatorTable() {
            @Override
            public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
                    List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
                if (syntax != SqlSyntax.FUNCTION) {
                    builtIns.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
                    return;
                }
                Entry system = lookup(opName.names, true);
                if (system != null) {
                    operatorList.add(system.operator);
                    return;
                }
                if (!builtInFunctions) {
                    Entry e = lookup(opName.names, false);
                    if (e != null) {
                        operatorList.add(e.operator);
                    }
                    return;
                }
                int before = operatorList.size();
                // built-in function names are case-insensitive, as in Flink (substr = SUBSTR)
                builtIns.lookupOperatorOverloads(opName, category, syntax, operatorList, BUILT_IN_NAMES);
                if (operatorList.size() > before) {
                    return;
                }
                Entry e = lookup(opName.names, false);
                if (e != null) {
                    operatorList.add(e.operator);
                }
            }

            @Override
            public List<SqlOperator> getOperatorList() {
                List<SqlOperator> all = new ArrayList<>();
                for (SqlOperator op : builtIns.getOperatorList()) {
                    if (builtInFunctions || op.getSyntax() != SqlSyntax.FUNCTION) {
                        all.add(op);
                    }
                }
                for (Map<?, Entry> m : List.of(temporarySystem, temporary)) {
                    m.values().forEach(e -> all.add(e.operator));
                }
                catalogFunctions.values().forEach(l -> all.add(l.entry.operator));
                return all;
            }
        };
    }
}
