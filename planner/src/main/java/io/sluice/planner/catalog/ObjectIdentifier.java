package io.sluice.planner.catalog;

import java.util.List;
import java.util.Objects;

/** A fully qualified object name: catalog, database, object. */
public final class ObjectIdentifier {
    private final String catalog;
    private final String database;
    private final String object;

    public ObjectIdentifier(String catalog, String database, String object) {
        this.catalog = Objects.requireNonNull(catalog);
        this.database = Objects.requireNonNull(database);
        this.object = Objects.requireNonNull(object);
    }

    public String catalog() {
        return catalog;
    }

    public String database() {
        return database;
    }

    public String object() {
        return object;
    }

    public List<String> toList() {
        return List.of(catalog, database, object);
    }

    /** {@code cat.db.t} with backticks only where needed. */
    /** The identifier as SQL text, each part in backquotes: {@code `catalog`.`database`.`object`}. */
    public String asSerializableString() {
        return quote(catalog) + "." + quote(database) + "." + quote(object);
    }

    private static String quote(String part) {
        return "`" + part.replace("`", "``") + "`";
    }

    public String asSummaryString() {
        return catalog + "." + database + "." + object;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ObjectIdentifier)) {
            return false;
        }
        ObjectIdentifier i = (ObjectIdentifier) o;
        return catalog.equals(i.catalog) && database.equals(i.database) && object.equals(i.object);
    }

    @Override
    public int hashCode() {
        return Objects.hash(catalog, database, object);
    }

    @Override
    public String toString() {
        return asSummaryString();
    }
}
