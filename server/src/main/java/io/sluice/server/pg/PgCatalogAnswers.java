package io.sluice.server.pg;

import io.sluice.runtime.types.LogicalType;
import io.sluice.server.ServerSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the statements PostgreSQL clients send about the server itself rather than about data: {@code version()},
 * {@code current_schema()}, {@code SHOW transaction isolation level} and other PostgreSQL settings,
 * {@code BEGIN/COMMIT/ROLLBACK} (no-ops: Sluice statements are not transactional), {@code SET name TO value} of
 * PostgreSQL session parameters, and the catalog queries of psql ({@code \dt}), pgjdbc ({@code getTables},
 * {@code getColumns}, {@code getSchemas}) — from Sluice's own catalogs. Any other query over {@code pg_catalog} or
 * {@code information_schema} fails with "not supported yet" rather than a wrong answer. Everything else goes to
 * Sluice.
 */
final class PgCatalogAnswers {
    static final String SERVER_VERSION = "15.0";

    private static final Pattern PG_SET = Pattern.compile(
            "set\\s+(?:session\\s+|local\\s+)?([a-z_][a-z0-9_]*)\\s*(?:=|\\s+to\\s+)\\s*(.+)", Pattern.DOTALL);
    private static final Pattern SET_TIME_ZONE = Pattern.compile("set\\s+(?:session\\s+)?time\\s+zone\\s+(.+)");
    private static final Pattern SHOW_PARAM = Pattern.compile("show\\s+([a-z_ ]+)");
    private static final Pattern RELNAME_LIKE = Pattern.compile("c\\.relname\\s+like\\s+'((?:[^']|'')*)'");
    private static final Pattern NSPNAME_LIKE = Pattern.compile("n\\.nspname\\s+like\\s+'((?:[^']|'')*)'");
    private static final Pattern RELNAME_REGEX = Pattern.compile(
            "c\\.relname\\s+operator\\(pg_catalog\\.~\\)\\s+'((?:[^']|'')*)'");
    private static final Pattern NSPNAME_REGEX = Pattern.compile(
            "n\\.nspname\\s+operator\\(pg_catalog\\.~\\)\\s+'((?:[^']|'')*)'");

    /** A FROM/JOIN of one of PostgreSQL's system catalogs without the pg_catalog schema (not any pg_ table). */
    private static final Pattern UNQUALIFIED_CATALOG = Pattern.compile("\\b(?:from|join)\\s+(?:pg_class|pg_namespace"
            + "|pg_attribute|pg_attrdef|pg_type|pg_database|pg_settings|pg_proc|pg_tables|pg_views|pg_roles|pg_user"
            + "|pg_index|pg_am|pg_description|pg_extension|pg_range|pg_enum|pg_constraint|pg_trigger|pg_collation"
            + "|pg_stat_activity|pg_inherits|pg_policy|pg_matviews|pg_indexes|pg_sequence|pg_foreign_table"
            + "|pg_authid|pg_auth_members|pg_event_trigger|pg_operator|pg_language|pg_cast|pg_depend)\\b");
    private static final Pattern NO_SUCH_OBJECTS = Pattern.compile(
            "pg_catalog\\.(pg_policy|pg_statistic_ext|pg_publication|pg_inherits|pg_trigger|pg_constraint|pg_index"
            + "|pg_publication_tables|pg_publication_rel)\\b");

    private final Map<String, String> parameters;
    private final PgRelations relations;
    private final PgRelationLookup relationLookup;
    private final PgBrowserQueries browserQueries;

    /** @param parameters the connection's PostgreSQL session parameters (updated by SET) */
    PgCatalogAnswers(Map<String, String> parameters, PgRelations relations) {
        this.parameters = parameters;
        this.relations = relations;
        this.relationLookup = new PgRelationLookup(relations);
        this.browserQueries = new PgBrowserQueries(relations);
    }

    /** The answer to {@code sql}, or empty when Sluice itself should run it. */
    Optional<PgResult> answer(String sql, ServerSession session) {
        String original = sql.strip();
        String s = original.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        Optional<PgResult> tx = transaction(s);
        if (tx.isPresent()) {
            return tx;
        }
        switch (s) {
            case "select version()":
            case "select pg_catalog.version()":
                return single("version", "PostgreSQL " + SERVER_VERSION + " (Sluice " + sluiceVersion() + ")");
            case "select current_schema()":
            case "select current_schema":
            case "select pg_catalog.current_schema()":
                return single("current_schema", PgRelations.currentDatabase(session));
            case "select current_database()":
            case "select current_catalog":
                return single("current_database", PgRelations.currentCatalog(session));
            case "select current_user":
            case "select session_user":
            case "select user":
                return single("current_user", parameters.getOrDefault("user", "sluice"));
            case "select current_schema(),session_user":
            case "select current_schema(), session_user":
                return Optional.of(PgResult.rows(List.of(text("current_schema"), text("session_user")),
                        List.<Object[]>of(new Object[] {PgRelations.currentDatabase(session),
                            parameters.getOrDefault("user", "sluice")})));
            case "discard all":
                return Optional.of(PgResult.command("DISCARD ALL"));
            default:
                break;
        }
        if (s.equals("show search_path")) {
            // Sluice resolves unqualified names in the current database only
            return single("search_path", PgRelations.currentDatabase(session));
        }
        Optional<PgResult> setting = settings(s, original);
        if (setting.isPresent()) {
            return setting;
        }
        if (s.contains("pg_catalog.") || s.contains("information_schema.") || UNQUALIFIED_CATALOG.matcher(s).find()) {
            return Optional.of(catalogQuery(s, original.replaceAll("\\s+", " "), session));
        }
        return Optional.empty();
    }

    private static Optional<PgResult> transaction(String s) {
        if (s.equals("begin") || s.startsWith("begin transaction") || s.startsWith("begin work")
                || s.startsWith("begin isolation") || s.startsWith("begin read") || s.startsWith("start transaction")) {
            return Optional.of(PgResult.command("BEGIN"));
        }
        if (s.equals("commit") || s.equals("commit work") || s.equals("commit transaction")) {
            return Optional.of(PgResult.command("COMMIT"));
        }
        if (s.equals("rollback") || s.equals("rollback work") || s.equals("rollback transaction")
                || s.equals("abort")) {
            return Optional.of(PgResult.command("ROLLBACK"));
        }
        return Optional.empty();
    }

    private Optional<PgResult> settings(String s, String original) {
        Matcher tz = SET_TIME_ZONE.matcher(s);
        if (tz.matches()) {
            parameters.put("TimeZone", unquote(tz.group(1)));
            return Optional.of(PgResult.command("SET"));
        }
        Matcher set = PG_SET.matcher(s);
        if (set.matches()) {
            parameters.put(canonicalName(set.group(1)), unquote(set.group(2).strip()));
            return Optional.of(PgResult.command("SET"));
        }
        Matcher show = SHOW_PARAM.matcher(s);
        if (show.matches()) {
            String name = show.group(1).strip();
            String value = switch (name) {
                case "transaction isolation level", "default_transaction_isolation" -> "read committed";
                case "transaction_read_only", "default_transaction_read_only" -> "off";
                case "max_identifier_length" -> "63";
                case "is_superuser" -> "off";
                default -> parameters.get(canonicalName(name));
            };
            if (value != null) {
                return single(name.replace(' ', '_'), value);
            }
        }
        return Optional.empty();
    }

    /** PostgreSQL's spelling of a parameter name as reported by ParameterStatus (names are case-insensitive). */
    private String canonicalName(String name) {
        for (String known : parameters.keySet()) {
            if (known.equalsIgnoreCase(name)) {
                return known;
            }
        }
        return name;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
            return v.substring(1, v.length() - 1).replace("''", "'");
        }
        return v;
    }

    private PgResult catalogQuery(String s, String spaced, ServerSession session) {
        if (spaced.endsWith(";")) {
            spaced = spaced.substring(0, spaced.length() - 1).strip();
        }
        PgResult lookup = relationLookup.answer(spaced, session);
        if (lookup == null) {
            lookup = browserQueries.answer(spaced, session);
        }
        if (lookup != null) {
            return lookup;
        }
        s = s.replace("\"", "");
        if (s.contains(" as table_cat") && s.contains("table_type") && s.contains("pg_class")) {
            return jdbcTables(s, session);
        }
        if (s.contains("attname") && s.contains("atttypid") && s.contains("attnotnull") && s.contains("typbasetype")) {
            return jdbcColumns(s, session);
        }
        if (s.contains("as table_schem") && s.contains("pg_namespace") && !s.contains("pg_class")) {
            return jdbcSchemas(session);
        }
        if (s.contains(" as schema,") && s.contains(" as name,") && s.contains(" as type") && s.contains("pg_class")) {
            return psqlList(s, session);
        }
        if (s.startsWith("select c.oid, n.nspname, c.relname from pg_catalog.pg_class c")) {
            return psqlDescribeLookup(s, session);
        }
        Matcher relOid = Pattern.compile("where c\\.oid = '(\\d+)'").matcher(s);
        if (s.startsWith("select c.relchecks, c.relkind, c.relhasindex") && relOid.find()) {
            return psqlRelationInfo(Integer.parseInt(relOid.group(1)), session);
        }
        Matcher attOid = Pattern.compile("where a\\.attrelid = '(\\d+)'").matcher(s);
        if (s.startsWith("select a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)") && attOid.find()) {
            return psqlAttributes(Integer.parseInt(attOid.group(1)), s, session);
        }
        Matcher relId = Pattern.compile("where a\\.attrelid = (\\d+) and a\\.attnum > 0 and not a\\.attisdropped"
                + " order by a\\.attnum$").matcher(s);
        if (s.startsWith("select a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),")
                && s.contains(" a.attrelid as table_oid, pgd.description as comment,") && relId.find()) {
            return sqlAlchemyColumns(Integer.parseInt(relId.group(1)), session);
        }
        if (s.startsWith("select t.typname as name,") && s.contains(" from pg_catalog.pg_type t ")
                && (s.contains("where t.typtype = 'd'") || s.contains("where t.typtype = 'e'"))) {
            // Sluice has no domains and no enum types
            List<PgColumn> cols = s.contains("'d'")
                    ? List.of(text("name"), text("attype"), PgColumn.of("nullable", LogicalType.booleanType()),
                        text("default"), PgColumn.of("visible", LogicalType.booleanType()), text("schema"))
                    : List.of(text("name"), PgColumn.of("visible", LogicalType.booleanType()), text("schema"),
                        text("label"));
            return PgResult.rows(cols, List.of());
        }
        if (s.matches("select t\\.oid, typarray from pg_type t join pg_namespace ns on typnamespace = ns\\.oid"
                + " where typname = '[a-z_]+'")) {
            // psycopg2's lookup of extension types such as hstore: Sluice has none
            return PgResult.rows(List.of(int4("oid"), int4("typarray")), List.of());
        }
        if (s.equals("select nspname from pg_namespace where nspname not like 'pg_%' order by nspname")) {
            // SQLAlchemy's get_schema_names: Sluice's databases of the current catalog
            List<Object[]> rows = new ArrayList<>();
            relations.schemas(session).forEach(db -> rows.add(new Object[] {db}));
            return PgResult.rows(List.of(text("nspname")), rows);
        }
        Matcher none = NO_SUCH_OBJECTS.matcher(s);
        if (none.find()) {
            // Sluice has no row security policies, extended statistics, publications, inheritance, triggers,
            // constraints beyond NOT NULL or indexes: the true answer is no rows
            return PgResult.rows(List.of(text(none.group(1))), List.of());
        }
        throw new io.sluice.table.api.UnsupportedFeatureException("this catalog query (Sluice answers "
                + "the catalog queries of psql \\dt, pgjdbc getTables/getColumns/getSchemas and the server functions; "
                + "use SHOW TABLES / DESCRIBE instead): " + abbreviate(s));
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** pgjdbc's DatabaseMetaData.getTables. */
    private PgResult jdbcTables(String s, ServerSession session) {
        Pattern name = likePattern(RELNAME_LIKE, s);
        Pattern schema = likePattern(NSPNAME_LIKE, s);
        boolean tables = s.contains("'r'") || !s.contains("relkind");
        boolean views = s.contains("'v'") || !s.contains("relkind");
        List<Object[]> rows = new ArrayList<>();
        for (PgRelations.Relation r : relations.list(session)) {
            boolean isView = r.kind() == 'v';
            if ((isView ? views : tables) && matches(name, r.name()) && matches(schema, r.schema())) {
                rows.add(new Object[] {null, r.schema(), r.name(), isView ? "VIEW" : "TABLE", null, "", null, null,
                    null, null});
            }
        }
        rows.sort((a, b) -> (a[3] + "\0" + a[1] + "\0" + a[2]).compareTo(b[3] + "\0" + b[1] + "\0" + b[2]));
        return PgResult.rows(textColumns("table_cat", "table_schem", "table_name", "table_type", "remarks", "type_cat",
                "type_schem", "type_name", "self_referencing_col_name", "ref_generation"), rows);
    }

    /** pgjdbc's DatabaseMetaData.getColumns: the inner query's columns, which the driver turns into its result. */
    private PgResult jdbcColumns(String s, ServerSession session) {
        Pattern name = likePattern(RELNAME_LIKE, s);
        Pattern schema = likePattern(NSPNAME_LIKE, s);
        List<Object[]> rows = new ArrayList<>();
        for (PgRelations.Relation r : relations.list(session)) {
            if (!matches(name, r.name()) || !matches(schema, r.schema())) {
                continue;
            }
            List<PgColumn> cols = relations.columns(session, r.schema(), r.name());
            for (int i = 0; i < cols.size(); i++) {
                PgColumn c = cols.get(i);
                rows.add(new Object[] {r.schema(), r.name(), c.name(), c.type().oid(), !c.logicalType().isNullable(),
                    c.typeModifier(), (int) c.type().size(), -1, (long) i + 1, null, null, null, null, 0, "b"});
            }
        }
        List<PgColumn> cols = List.of(text("nspname"), text("relname"), text("attname"), int4("atttypid"),
                PgColumn.of("attnotnull", LogicalType.booleanType()), int4("atttypmod"), int4("attlen"),
                int4("typtypmod"), PgColumn.of("attnum", LogicalType.bigint()), text("attidentity"),
                text("attgenerated"), text("adsrc"), text("description"), int4("typbasetype"), text("typtype"));
        return PgResult.rows(cols, rows);
    }

    /** pgjdbc's DatabaseMetaData.getSchemas: Sluice's databases of the current catalog. */
    private PgResult jdbcSchemas(ServerSession session) {
        List<Object[]> rows = new ArrayList<>();
        relations.list(session).stream().map(PgRelations.Relation::schema).distinct()
                .forEach(db -> rows.add(new Object[] {db, null}));
        String current = PgRelations.currentDatabase(session);
        if (rows.stream().noneMatch(r -> r[0].equals(current))) {
            rows.add(new Object[] {current, null});
        }
        rows.sort((a, b) -> ((String) a[0]).compareTo((String) b[0]));
        return PgResult.rows(textColumns("table_schem", "table_catalog"), rows);
    }

    /** psql's \d, \dt, \dv (list of relations). */
    private PgResult psqlList(String s, ServerSession session) {
        Pattern name = regexPattern(RELNAME_REGEX, s);
        Pattern schema = regexPattern(NSPNAME_REGEX, s);
        Matcher kinds = Pattern.compile("c\\.relkind in \\(([^)]*)\\)").matcher(s);
        String allowed = kinds.find() ? kinds.group(1) : "'r','v'";
        List<Object[]> rows = new ArrayList<>();
        for (PgRelations.Relation r : relations.list(session)) {
            if (allowed.contains("'" + r.kind() + "'") && matches(name, r.name()) && matches(schema, r.schema())) {
                rows.add(new Object[] {r.schema(), r.name(), r.kind() == 'v' ? "view" : "table",
                    parameters.getOrDefault("user", "sluice")});
            }
        }
        return PgResult.rows(textColumns("Schema", "Name", "Type", "Owner"), rows);
    }

    /** psql's \\d NAME, step 1: the relations the name matches. */
    private PgResult psqlDescribeLookup(String s, ServerSession session) {
        Pattern name = regexPattern(RELNAME_REGEX, s);
        Pattern schema = regexPattern(NSPNAME_REGEX, s);
        List<Object[]> rows = new ArrayList<>();
        for (PgRelations.Relation r : relations.list(session)) {
            if (matches(name, r.name()) && matches(schema, r.schema())) {
                rows.add(new Object[] {r.oid(), r.schema(), r.name()});
            }
        }
        return PgResult.rows(List.of(int4("oid"), text("nspname"), text("relname")), rows);
    }

    /** psql's \\d NAME, step 2: the relation's kind and flags (no checks, indexes, rules, triggers, partitions). */
    private PgResult psqlRelationInfo(int oid, ServerSession session) {
        PgRelations.Relation r = relations.byOid(session, oid);
        List<Object[]> rows = new ArrayList<>();
        if (r != null) {
            rows.add(new Object[] {(short) 0, String.valueOf(r.kind()), false, false, false, false, false, false, false,
                "", 0, "", "p", "d", null});
        }
        List<PgColumn> cols = new ArrayList<>();
        cols.add(PgColumn.of("relchecks", LogicalType.smallint()));
        cols.add(text("relkind"));
        for (String b : new String[] {"relhasindex", "relhasrules", "relhastriggers", "relrowsecurity",
            "relforcerowsecurity", "relhasoids", "relispartition"}) {
            cols.add(PgColumn.of(b, LogicalType.booleanType()));
        }
        cols.addAll(List.of(text("?column?"), int4("reltablespace"), text("reloftype"), text("relpersistence"),
                text("relreplident"), text("amname")));
        return PgResult.rows(cols, rows);
    }

    /** psql's \\d NAME, step 3: the columns with their PostgreSQL type names and NOT NULL. */
    private PgResult psqlAttributes(int oid, String s, ServerSession session) {
        PgRelations.Relation r = relations.byOid(session, oid);
        List<Object[]> rows = new ArrayList<>();
        if (r != null) {
            for (PgColumn c : relations.columns(session, r.schema(), r.name())) {
                rows.add(new Object[] {c.name(), formatType(c), null, !c.logicalType().isNullable(), null, "", ""});
            }
        }
        List<PgColumn> cols = new ArrayList<>(List.of(text("attname"), text("format_type"), text("default"),
                PgColumn.of("attnotnull", LogicalType.booleanType()), text("attcollation"), text("attidentity"),
                text("attgenerated")));
        if (s.contains("a.attstorage")) {
            // \\d+ asks for storage, compression (psql 14+), statistics target and description too
            boolean compression = s.contains("attcompression");
            rows.replaceAll(row -> java.util.Arrays.copyOf(row, row.length + (compression ? 4 : 3)));
            rows.forEach(row -> row[7] = "p");
            cols.add(text("attstorage"));
            if (compression) {
                cols.add(text("attcompression"));
            }
            cols.addAll(List.of(text("attstattarget"), text("description")));
        }
        return PgResult.rows(cols, rows);
    }

    /**
     * SQLAlchemy's column reflection: name, format_type, default, NOT NULL, table OID, comment, generated and
     * identity options.
     */
    private PgResult sqlAlchemyColumns(int oid, ServerSession session) {
        PgRelations.Relation r = relations.byOid(session, oid);
        List<Object[]> rows = new ArrayList<>();
        if (r != null) {
            for (PgColumn c : relations.columns(session, r.schema(), r.name())) {
                rows.add(new Object[] {c.name(), formatType(c), null, !c.logicalType().isNullable(), oid, null, "",
                    null});
            }
        }
        return PgResult.rows(List.of(text("attname"), text("format_type"), text("default"),
                PgColumn.of("attnotnull", LogicalType.booleanType()), int4("table_oid"), text("comment"),
                text("generated"), text("identity_options")), rows);
    }

    /** PostgreSQL's format_type() for a Sluice column type. */
    private static String formatType(PgColumn c) {
        LogicalType t = c.logicalType();
        switch (c.type()) {
            case VARCHAR: return "character varying(" + t.precision() + ")";
            case BPCHAR: return "character(" + t.precision() + ")";
            case NUMERIC: return "numeric(" + t.precision() + "," + t.scale() + ")";
            case INT2: return "smallint";
            case INT4: return "integer";
            case INT8: return "bigint";
            case FLOAT4: return "real";
            case FLOAT8: return "double precision";
            case BOOL: return "boolean";
            case TIMESTAMP: return "timestamp(" + t.precision() + ") without time zone";
            case TIMESTAMPTZ: return "timestamp(" + t.precision() + ") with time zone";
            case TIME: return "time(" + t.precision() + ") without time zone";
            default: return c.type().pgName();
        }
    }

    private static Pattern likePattern(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return null;
        }
        String like = m.group(1).replace("''", "'");
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    private static Pattern regexPattern(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return null;
        }
        return Pattern.compile(m.group(1).replace("''", "'"), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** LIKE patterns match the whole value; PostgreSQL regular expressions ({@code ~}) match anywhere in it. */
    private static boolean matches(Pattern p, String value) {
        return p == null || (p.flags() & Pattern.UNICODE_CASE) != 0 ? p == null || p.matcher(value).find()
                : p.matcher(value).matches();
    }

    private static Optional<PgResult> single(String column, String value) {
        return Optional.of(PgResult.rows(List.of(text(column)), List.<Object[]>of(new Object[] {value})));
    }

    private static List<PgColumn> textColumns(String... names) {
        List<PgColumn> cols = new ArrayList<>();
        for (String n : names) {
            cols.add(text(n));
        }
        return cols;
    }

    private static PgColumn text(String name) {
        return PgColumn.of(name, LogicalType.string());
    }

    private static PgColumn int4(String name) {
        return PgColumn.of(name, LogicalType.integer());
    }

    private static String sluiceVersion() {
        String v = PgCatalogAnswers.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }
}
