package io.sluice.planner.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The definition of a catalog function as a catalog stores it: the implementing class, its language and the
 * jars to load it from ({@code CREATE FUNCTION f AS 'class' [LANGUAGE JAVA] [USING JAR '...']}). Loading the
 * class is the function catalog's business; a catalog only keeps the definition.
 */
public final class CatalogFunction {
    private final String className;
    private final String language;
    private final List<String> jars;

    /** {@code language} null means JAVA; {@code jars} null means none. */
    public CatalogFunction(String className, String language, List<String> jars) {
        this.className = Objects.requireNonNull(className, "className");
        this.language = language == null ? "JAVA" : language.toUpperCase(Locale.ROOT);
        this.jars = jars == null ? List.of() : List.copyOf(jars);
    }

    public String className() {
        return className;
    }

    /** The language in upper case ({@code JAVA}). */
    public String language() {
        return language;
    }

    /** Jar paths or {@code file:} URIs, as written in {@code USING JAR}; empty for the class path. */
    public List<String> jars() {
        return jars;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CatalogFunction)) {
            return false;
        }
        CatalogFunction f = (CatalogFunction) o;
        return className.equals(f.className) && language.equals(f.language) && jars.equals(f.jars);
    }

    @Override
    public int hashCode() {
        return Objects.hash(className, language, jars);
    }

    @Override
    public String toString() {
        return "'" + className + "' LANGUAGE " + language + (jars.isEmpty() ? "" : " USING JAR " + jars);
    }
}
