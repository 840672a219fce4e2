package io.sluice.server.pg;

import io.sluice.runtime.types.LogicalType;
import io.sluice.server.ServerSession;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the row-per-object catalog reads of database browsers such as DBeaver, which select whole catalog rows
 * ({@code db.*}, {@code n.*}, {@code c.*}, {@code a.*}): the databases ({@code pg_database}, one per Sluice catalog),
 * the schemas of the connected database ({@code pg_namespace}, one per Sluice database), the relations of a schema
 * ({@code pg_class}, tables and views) and the columns of a relation or schema ({@code pg_attribute}). Only the
 * query shapes and conditions listed in each method are recognised; anything else is left to the caller, which
 * reports it as not supported.
 */
final class PgBrowserQueries {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final String LITERAL = "'((?:[^']|'')*)'";
    private static final String NUMBER = "(?:'?(\\d+)'?|null)";

    private static final Pattern DATABASES = Pattern.compile(
            "select db\\.oid, ?db\\.\\* from pg_catalog\\.pg_database db where (?:datname ?= ?" + LITERAL
            + "|1 = 1(?: and datallowconn)?(?: and not datistemplate ?)?(?: ?or db\\.datname ?= ?" + LITERAL
            + ")?(?: order by db\\.datname)?)", FLAGS);
    private static final Pattern SCHEMAS = Pattern.compile("select n\\.oid, ?n\\.\\*, ?d\\.description from"
            + " pg_catalog\\.pg_namespace n left outer join pg_catalog\\.pg_description d on d\\.objoid ?= ?n\\.oid"
            + " and d\\.objsubid ?= ?0 and d\\.classoid ?= ?'pg_namespace'::regclass ?(?:where nspname ?= ?"
            + LITERAL + " ?)?order by nspname", FLAGS);
    private static final Pattern RELATIONS = Pattern.compile("select c\\.oid, ?c\\.\\*, ?d\\.description"
            + "(, ?pg_catalog\\.pg_get_expr\\(c\\.relpartbound, ?c\\.oid\\) as partition_expr, ?"
            + "pg_catalog\\.pg_get_partkeydef\\(c\\.oid\\) as partition_key ?)? from pg_catalog\\.pg_class c"
            + " left outer join pg_catalog\\.pg_description d on d\\.objoid ?= ?c\\.oid and d\\.objsubid ?= ?0"
            + " and d\\.classoid ?= ?'pg_class'::regclass where c\\.relnamespace ?= ?" + NUMBER
            + " and c\\.relkind not in \\('i', ?'I', ?'c'\\)(?: and relname ?= ?" + LITERAL + ")?", FLAGS);
    private static final Pattern COLUMNS = Pattern.compile("select c\\.relname, ?a\\.\\*, ?pg_catalog\\.pg_get_expr"
            + "\\(ad\\.adbin, ?ad\\.adrelid, ?true\\) as def_value, ?dsc\\.description(, ?dep\\.objid)? from"
            + " pg_catalog\\.pg_attribute a inner join pg_catalog\\.pg_class c on \\(a\\.attrelid ?= ?c\\.oid\\)"
            + " left outer join pg_catalog\\.pg_attrdef ad on \\(.*?\\) left outer join pg_catalog\\.pg_description"
            + " dsc on \\(.*?\\)(?: left outer join pg_depend dep on .*?)? where not a\\.attisdropped and"
            + " c\\.relkind not in \\('i', ?'I', ?'c'\\) and c\\.(oid|relnamespace) ?= ?" + NUMBER
            + " order by a\\.attnum", FLAGS);

    /** The columns of PostgreSQL 15's pg_class. */
    private static final List<PgColumn> CLASS_COLUMNS = List.of(int4("oid"), text("relname"), int4("relnamespace"),
            int4("reltype"), int4("reloftype"), int4("relowner"), int4("relam"), int4("relfilenode"),
            int4("reltablespace"), int4("relpages"), PgColumn.of("reltuples", LogicalType.floatType()),
            int4("relallvisible"), int4("reltoastrelid"), bool("relhasindex"), bool("relisshared"),
            text("relpersistence"), text("relkind"), int2("relnatts"), int2("relchecks"), bool("relhasrules"),
            bool("relhastriggers"), bool("relhassubclass"), bool("relrowsecurity"), bool("relforcerowsecurity"),
            bool("relispopulated"), text("relreplident"), bool("relispartition"), int4("relrewrite"),
            text("relfrozenxid"), text("relminmxid"), text("relacl"), text("reloptions"), text("relpartbound"));

    /** The columns of PostgreSQL 15's pg_attribute. */
    private static final List<PgColumn> ATTRIBUTE_COLUMNS = List.of(int4("attrelid"), text("attname"),
            int4("atttypid"), int4("attstattarget"), int2("attlen"), int2("attnum"), int4("attndims"),
            int4("attcacheoff"), int4("atttypmod"), bool("attbyval"), text("attalign"), text("attstorage"),
            text("attcompression"), bool("attnotnull"), bool("atthasdef"), bool("atthasmissing"),
            text("attidentity"), text("attgenerated"), bool("attisdropped"), bool("attislocal"),
            int4("attinhcount"), int4("attcollation"), text("attacl"), text("attoptions"), text("attfdwoptions"),
            text("attmissingval"));

    /** A client probing whether a catalog column exists: {@code SELECT col FROM pg_catalog.t WHERE 1<>1 LIMIT 1}. */
    private static final Pattern COLUMN_PROBE = Pattern.compile(
            "select ([a-z_]+) from pg_catalog\\.(pg_class|pg_attribute) where 1 ?<> ?1 limit 1", FLAGS);

    /** DBeaver's read of every data type (PostgreSQL 10+ form, without array and table row types). */
    private static final Pattern TYPES = Pattern.compile("select t\\.oid, ?t\\.\\*, ?c\\.relkind, ?format_type\\("
            + "nullif\\(t\\.typbasetype, ?0\\), ?t\\.typtypmod\\) as base_type_name, ?d\\.description from"
            + " pg_catalog\\.pg_type t (?:left outer join pg_catalog\\.pg_type et on et\\.oid ?= ?t\\.typelem )?"
            + "left outer join pg_catalog\\.pg_class c on c\\.oid ?= ?t\\.typrelid left outer join"
            + " pg_catalog\\.pg_description d on t\\.oid ?= ?d\\.objoid where t\\.typname is not null"
            + "(?: and \\(c\\.relkind is null or c\\.relkind ?= ?'c'\\))?"
            + "(?: and \\(et\\.typcategory is null or et\\.typcategory ?<> ?'C'\\))?", FLAGS);

    /** The OID of PostgreSQL's pg_catalog schema, where the data types live. */
    static final int PG_CATALOG_OID = 11;

    private final PgRelations relations;

    PgBrowserQueries(PgRelations relations) {
        this.relations = relations;
    }

    /**
     * The answer, or null when {@code sql} (whitespace collapsed, case and quotes as the client sent them) is not
     * one of these reads.
     */
    PgResult answer(String sql, ServerSession session) {
        Matcher m;
        if ((m = DATABASES.matcher(sql)).matches()) {
            return databases(m.group(1) == null ? null : m.group(1).replace("''", "'"), session);
        }
        if ((m = SCHEMAS.matcher(sql)).matches()) {
            return schemas(m.group(1) == null ? null : m.group(1).replace("''", "'"), session);
        }
        if ((m = RELATIONS.matcher(sql)).matches()) {
            return relations(m.group(1) != null, number(m.group(2)),
                    m.group(3) == null ? null : m.group(3).replace("''", "'"), session);
        }
        if (TYPES.matcher(sql).matches()) {
            return types();
        }
        if ((m = COLUMN_PROBE.matcher(sql)).matches()) {
            String column = m.group(1);
            for (PgColumn c : m.group(2).equalsIgnoreCase("pg_class") ? CLASS_COLUMNS : ATTRIBUTE_COLUMNS) {
                if (c.name().equalsIgnoreCase(column)) {
                    return PgResult.rows(List.of(c), List.of());
                }
            }
            return null;
        }
        if ((m = COLUMNS.matcher(sql)).matches()) {
            return columns(m.group(1) != null, m.group(2).equalsIgnoreCase("oid"), number(m.group(3)), session);
        }
        return null;
    }

    private static long number(String digits) {
        return digits == null ? -1 : Long.parseLong(digits);
    }

    /** pg_database: every Sluice catalog, connectable, not a template. */
    private PgResult databases(String name, ServerSession session) {
        List<Object[]> rows = new ArrayList<>();
        for (String catalog : relations.catalogs(session)) {
            if (name == null || catalog.equals(name)) {
                int oid = relations.catalogOid(catalog);
                rows.add(new Object[] {oid, oid, catalog, 10, 6, "c", false, true, -1, "0", "1", 1663, "C", "C",
                    null, null, null});
            }
        }
        return PgResult.rows(List.of(int4("oid"), int4("oid"), text("datname"), int4("datdba"), int4("encoding"),
                text("datlocprovider"), bool("datistemplate"), bool("datallowconn"), int4("datconnlimit"),
                text("datfrozenxid"), text("datminmxid"), int4("dattablespace"), text("datcollate"),
                text("datctype"), text("daticulocale"), text("datcollversion"), text("datacl")), rows);
    }

    /** pg_namespace: the databases of the connected Sluice catalog. */
    private PgResult schemas(String name, ServerSession session) {
        List<Object[]> rows = new ArrayList<>();
        for (PgRelations.Schema schema : relations.namespaces(session)) {
            if (name == null || schema.name().equals(name)) {
                rows.add(new Object[] {schema.oid(), schema.oid(), schema.name(), 10, null, null});
            }
        }
        if (name == null || name.equals("pg_catalog")) {
            // holds the data types (pg_type rows) and no relations
            rows.add(new Object[] {PG_CATALOG_OID, PG_CATALOG_OID, "pg_catalog", 10, null, "system catalog"});
        }
        rows.sort((a, b) -> ((String) a[2]).compareTo((String) b[2]));
        return PgResult.rows(List.of(int4("oid"), int4("oid"), text("nspname"), int4("nspowner"), text("nspacl"),
                text("description")), rows);
    }

    /** pg_type: the PostgreSQL types Sluice's columns and results are reported as (no arrays, domains or enums). */
    private static PgResult types() {
        List<Object[]> rows = new ArrayList<>();
        for (PgType t : PgType.values()) {
            String name = t.pgName();
            boolean fixed = t.size() > 0;
            String category = switch (t) {
                case BOOL -> "B";
                case INT2, INT4, INT8, FLOAT4, FLOAT8, NUMERIC -> "N";
                case TEXT, VARCHAR, BPCHAR -> "S";
                case DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> "D";
                case INTERVAL -> "T";
                default -> "U";
            };
            String align = t.size() == 8 || t == PgType.INTERVAL ? "d"
                    : t.size() == 2 ? "s" : t.size() == 1 ? "c" : "i";
            boolean collatable = category.equals("S");
            List<Object> row = new ArrayList<>(List.of(t.oid(), t.oid(), name, PG_CATALOG_OID, 10, t.size(),
                    fixed && t.size() <= 8, "b", category, t == PgType.BOOL || t == PgType.FLOAT8 || t == PgType.TEXT
                    || t == PgType.TIMESTAMPTZ || t == PgType.INTERVAL, true, ",", 0, "-", 0, 0, name + "in",
                    name + "out", name + "recv", name + "send", "-", "-", "-", align, fixed ? "p" : "x", false, 0, -1,
                    0, collatable ? 100 : 0));
            for (int i = 0; i < 6; i++) {
                row.add(null); // typdefaultbin, typdefault, typacl, relkind, base_type_name, description
            }
            rows.add(row.toArray());
        }
        return PgResult.rows(List.of(int4("oid"), int4("oid"), text("typname"), int4("typnamespace"),
                int4("typowner"), int2("typlen"), bool("typbyval"), text("typtype"), text("typcategory"),
                bool("typispreferred"), bool("typisdefined"), text("typdelim"), int4("typrelid"),
                text("typsubscript"), int4("typelem"), int4("typarray"), text("typinput"), text("typoutput"),
                text("typreceive"), text("typsend"), text("typmodin"), text("typmodout"), text("typanalyze"),
                text("typalign"), text("typstorage"), bool("typnotnull"), int4("typbasetype"), int4("typtypmod"),
                int4("typndims"), int4("typcollation"), text("typdefaultbin"), text("typdefault"), text("typacl"),
                text("relkind"), text("base_type_name"), text("description")), rows);
    }

    /** pg_class: the tables ('r') and views ('v') of one schema. */
    private PgResult relations(boolean partitions, long schemaOid, String name, ServerSession session) {
        List<Object[]> rows = new ArrayList<>();
        for (PgRelations.Relation r : relations.list(session)) {
            if (relations.namespaceOid(session, r.schema()) != schemaOid || name != null && !r.name().equals(name)) {
                continue;
            }
            int columns = relations.columns(session, r.schema(), r.name()).size();
            List<Object> row = new ArrayList<>(List.of(r.oid(), r.oid(), r.name(), (int) schemaOid, 0, 0, 10,
                    0, 0, 0, 0, -1.0f, 0, 0, false, false, "p", String.valueOf(r.kind()), (short) columns, (short) 0,
                    false, false, false, false, false, true, "d", false, 0, "0", "1"));
            row.add(null); // relacl
            row.add(null); // reloptions
            row.add(null); // relpartbound
            row.add(null); // description
            if (partitions) {
                row.add(null);
                row.add(null);
            }
            rows.add(row.toArray());
        }
        List<PgColumn> cols = new ArrayList<>(List.of(int4("oid")));
        cols.addAll(CLASS_COLUMNS);
        cols.add(text("description"));
        if (partitions) {
            cols.add(text("partition_expr"));
            cols.add(text("partition_key"));
        }
        return PgResult.rows(cols, rows);
    }

    /** pg_attribute: the columns of one relation (by its OID) or of every relation of a schema (by the schema's). */
    private PgResult columns(boolean dependency, boolean byRelation, long oid, ServerSession session) {
        List<Object[]> rows = new ArrayList<>();
        for (PgRelations.Relation r : relations.list(session)) {
            long key = byRelation ? r.oid() : relations.namespaceOid(session, r.schema());
            if (key != oid) {
                continue;
            }
            List<PgColumn> cols = relations.columns(session, r.schema(), r.name());
            for (int i = 0; i < cols.size(); i++) {
                PgColumn c = cols.get(i);
                PgType t = c.type();
                List<Object> row = new ArrayList<>(List.of(r.name(), r.oid(), c.name(), t.oid(), -1, t.size(),
                        (short) (i + 1), 0, -1, c.typeModifier(), t.size() > 0 && t.size() <= 8,
                        t.size() == 8 ? "d" : t.size() == 2 ? "s" : t.size() == 1 ? "c" : "i",
                        t.size() > 0 ? "p" : "x", "", !c.logicalType().isNullable(), false, false, "", "", false,
                        true, 0, 0));
                row.add(null); // attacl
                row.add(null); // attoptions
                row.add(null); // attfdwoptions
                row.add(null); // attmissingval
                row.add(null); // def_value
                row.add(null); // description
                if (dependency) {
                    row.add(null);
                }
                rows.add(row.toArray());
            }
        }
        List<PgColumn> cols = new ArrayList<>(List.of(text("relname")));
        cols.addAll(ATTRIBUTE_COLUMNS);
        cols.addAll(List.of(text("def_value"), text("description")));
        if (dependency) {
            cols.add(int4("objid"));
        }
        return PgResult.rows(cols, rows);
    }

    private static PgColumn text(String name) {
        return PgColumn.of(name, LogicalType.string());
    }

    private static PgColumn int4(String name) {
        return PgColumn.of(name, LogicalType.integer());
    }

    private static PgColumn int2(String name) {
        return PgColumn.of(name, LogicalType.smallint());
    }

    private static PgColumn bool(String name) {
        return PgColumn.of(name, LogicalType.booleanType());
    }
}
