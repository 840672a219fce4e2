package io.sluice.server.pg;

import io.sluice.runtime.types.LogicalType;
import io.sluice.server.ServerSession;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the plain relation lookups that ORMs such as SQLAlchemy send: {@code SELECT relname | c.relname | c.oid
 * FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ...} where the condition is a conjunction of
 * {@code pg_table_is_visible(c.oid)}, {@code n.nspname = '...'}, {@code relname = '...'}, {@code relkind = '.'} and
 * {@code relkind IN (...)}. A relation is visible when it lies in the session's current database (Sluice's search
 * path). Any other condition is not recognised, and the caller reports the query as not supported.
 */
final class PgRelationLookup {
    private static final String LITERAL = "'((?:[^']|'')*)'";
    private static final Pattern SHAPE = Pattern.compile("select (c\\.)?(relname|oid) from (?:pg_catalog\\.)?pg_class c"
            + " (?:left )?join (?:pg_catalog\\.)?pg_namespace n on n\\.oid ?= ?c\\.relnamespace where (.*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern VISIBLE = Pattern.compile(
            "\\(?(?:pg_catalog\\.)?pg_table_is_visible\\(c\\.oid\\)\\)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEMA = Pattern.compile("\\(?n\\.nspname ?= ?" + LITERAL + "\\)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("(?:c\\.)?relname ?= ?" + LITERAL, Pattern.CASE_INSENSITIVE);
    private static final Pattern KIND = Pattern.compile("(?:c\\.)?relkind ?= ?'(.)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern KINDS = Pattern.compile("(?:c\\.)?relkind in ?\\(((?:'.', ?)*'.')\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AND = Pattern.compile(" and ", Pattern.CASE_INSENSITIVE);

    private final PgRelations relations;

    PgRelationLookup(PgRelations relations) {
        this.relations = relations;
    }

    /**
     * The answer, or null when {@code sql} (whitespace collapsed, case and quotes as the client sent them) is not
     * such a lookup.
     */
    PgResult answer(String sql, ServerSession session) {
        Matcher m = SHAPE.matcher(sql);
        if (!m.matches()) {
            return null;
        }
        boolean oid = m.group(2).equalsIgnoreCase("oid");
        if (oid && m.group(1) == null) {
            return null;
        }
        String rest = m.group(3).strip();
        boolean visibleOnly = false;
        String schema = null;
        String name = null;
        String kinds = null;
        while (!rest.isEmpty()) {
            Matcher p;
            if ((p = VISIBLE.matcher(rest)).lookingAt()) {
                visibleOnly = true;
            } else if ((p = SCHEMA.matcher(rest)).lookingAt()) {
                schema = p.group(1).replace("''", "'");
            } else if ((p = NAME.matcher(rest)).lookingAt()) {
                name = p.group(1).replace("''", "'");
            } else if ((p = KIND.matcher(rest)).lookingAt() || (p = KINDS.matcher(rest)).lookingAt()) {
                kinds = p.group(1);
            } else {
                return null;
            }
            rest = rest.substring(p.end());
            Matcher and = AND.matcher(rest);
            if (and.lookingAt()) {
                rest = rest.substring(and.end());
            } else if (!rest.isEmpty()) {
                return null;
            }
        }
        String current = visibleOnly ? PgRelations.currentDatabase(session) : null;
        List<Object[]> rows = new ArrayList<>();
        for (PgRelations.Relation r : relations.list(session)) {
            if ((current == null || r.schema().equals(current)) && (schema == null || r.schema().equals(schema))
                    && (name == null || r.name().equals(name))
                    && (kinds == null || kinds.contains("'" + r.kind() + "'"))) {
                rows.add(new Object[] {oid ? (Object) r.oid() : r.name()});
            }
        }
        return PgResult.rows(List.of(oid ? PgColumn.of("oid", LogicalType.integer())
                : PgColumn.of("relname", LogicalType.string())), rows);
    }
}
