package io.sluice.server.pg;

import io.sluice.server.ServerSession;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sluice's tables and views as PostgreSQL relations: the client's database is a Sluice catalog, a schema is a
 * Sluice database. Each relation gets an OID that stays the same for the server's lifetime (psql looks relations up
 * by OID in follow-up queries).
 */
final class PgRelations {
    /** A table ('r') or view ('v') of the session's current catalog. */
    record Relation(int oid, String schema, String name, char kind) {}

    private final Map<String, Integer> oids = new ConcurrentHashMap<>();
    private final Map<Integer, String[]> byOid = new ConcurrentHashMap<>();
    private final AtomicInteger nextOid = new AtomicInteger(16384);

    /** A Sluice database of the current catalog as a PostgreSQL schema (pg_namespace row). */
    record Schema(int oid, String name) {}

    /** The Sluice catalogs as PostgreSQL databases, by name. */
    List<String> catalogs(ServerSession session) {
        List<String> catalogs = column(session, "SHOW CATALOGS");
        catalogs.sort(null);
        return catalogs;
    }

    /** The OID reported for a Sluice catalog (a PostgreSQL database). */
    int catalogOid(String catalog) {
        return oid(catalog, "", "\u0001catalog");
    }

    /** The databases of the session's current catalog as PostgreSQL schemas, by name. */
    List<Schema> namespaces(ServerSession session) {
        String catalog = currentCatalog(session);
        List<Schema> out = new ArrayList<>();
        for (String db : schemas(session)) {
            out.add(new Schema(oid(catalog, db, "\u0001schema"), db));
        }
        return out;
    }

    /** The OID of the schema (Sluice database) a relation of the current catalog lies in. */
    int namespaceOid(ServerSession session, String schema) {
        return oid(currentCatalog(session), schema, "\u0001schema");
    }

    /** The relations of the session's current catalog, ordered by schema and name. */
    List<Relation> list(ServerSession session) {
        String catalog = currentCatalog(session);
        List<Relation> out = new ArrayList<>();
        for (String db : column(session, "SHOW DATABASES FROM " + quote(catalog))) {
            String path = quote(catalog) + "." + quote(db);
            Set<String> views = new HashSet<>(column(session, "SHOW VIEWS FROM " + path));
            for (String t : column(session, "SHOW TABLES FROM " + path)) {
                out.add(new Relation(oid(catalog, db, t), db, t, views.contains(t) ? 'v' : 'r'));
            }
        }
        out.sort(java.util.Comparator.comparing(Relation::schema).thenComparing(Relation::name));
        return out;
    }

    /** The databases of the session's current catalog (PostgreSQL schemas), sorted. */
    List<String> schemas(ServerSession session) {
        List<String> dbs = column(session, "SHOW DATABASES FROM " + quote(currentCatalog(session)));
        dbs.sort(null);
        return dbs;
    }

    /** The columns of a relation, as clients see their types. */
    List<PgColumn> columns(ServerSession session, String schema, String name) {
        String path = quote(currentCatalog(session)) + "." + quote(schema) + "." + quote(name);
        return PgResult.describe(session.environment().from(path).getResolvedSchema().getColumns(), false);
    }

    /** The relation with this OID in the session's current catalog, or null. */
    Relation byOid(ServerSession session, int oid) {
        for (Relation r : list(session)) {
            if (r.oid() == oid) {
                return r;
            }
        }
        return null;
    }

    static String currentCatalog(ServerSession session) {
        return column(session, "SHOW CURRENT CATALOG").get(0);
    }

    static String currentDatabase(ServerSession session) {
        return column(session, "SHOW CURRENT DATABASE").get(0);
    }

    private int oid(String catalog, String db, String name) {
        String key = catalog + "\u0000" + db + "\u0000" + name;
        return oids.computeIfAbsent(key, k -> {
            int oid = nextOid.getAndIncrement();
            byOid.put(oid, new String[] {catalog, db, name});
            return oid;
        });
    }

    private static List<String> column(ServerSession session, String statement) {
        List<String> values = new ArrayList<>();
        try (CloseableIterator<Row> it = session.execute(statement).collect()) {
            while (it.hasNext()) {
                values.add(String.valueOf(it.next().getField(0)));
            }
        }
        return values;
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
