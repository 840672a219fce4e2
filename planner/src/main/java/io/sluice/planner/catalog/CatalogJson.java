package io.sluice.planner.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of the objects a {@link SluiceCatalog} stores. Every document carries
 * {@code "format-version"} and {@code "kind"} ({@code DATABASE}, {@code TABLE}, {@code VIEW},
 * {@code FUNCTION}); types are objects {@code {"root", "precision", "scale", "nullable"}} so no type parser is
 * involved. Reading is strict: a missing field, an unknown kind or type, or another format version fails with
 * a {@link CatalogException} naming the file, never with a half-read object.
 */
final class CatalogJson {
    /** The only format version this code writes and reads. */
    static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CatalogJson() {
    }

    // ------------------------------------------------------------------ writing

    static byte[] write(ObjectNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CatalogException("Cannot serialize catalog object: " + e.getMessage(), e);
        }
    }

    static ObjectNode database(String name) {
        return header("DATABASE", name);
    }

    static ObjectNode table(String name, CatalogBaseTable object) {
        if (object instanceof CatalogView) {
            CatalogView v = (CatalogView) object;
            ObjectNode n = header("VIEW", name);
            n.put("query", v.query());
            if (v.hasExpandedQuery()) {
                n.put("expanded-query", v.expandedQuery());
            }
            ArrayNode aliases = n.putArray("column-names");
            v.columnNames().forEach(aliases::add);
            ArrayNode cols = n.putArray("columns");
            RowType rt = v.rowType();
            for (int i = 0; rt != null && i < rt.size(); i++) {
                ObjectNode c = cols.addObject();
                c.put("name", rt.name(i));
                c.set("type", type(rt.type(i)));
            }
            n.put("comment", v.comment());
            return n;
        }
        CatalogTable t = (CatalogTable) object;
        if (t.inlineSource() != null) {
            throw new CatalogException("Table " + name + " is made from Java values and cannot be stored in a"
                    + " persistent catalog; register it as a temporary view.");
        }
        ObjectNode n = header("TABLE", name);
        ArrayNode cols = n.putArray("columns");
        for (CatalogColumn c : t.columns()) {
            ObjectNode cn = cols.addObject();
            cn.put("name", c.name());
            cn.put("kind", c.kind().name());
            cn.set("type", c.type() == null ? null : type(c.type()));
            if (c.isComputed()) {
                cn.put("expression", c.expression());
            }
            if (c.isMetadata()) {
                cn.put("metadata-key", c.metadataKey());
                cn.put("virtual", c.isVirtual());
            }
            cn.put("comment", c.comment());
        }
        ObjectNode options = n.putObject("options");
        t.options().forEach(options::put);
        if (!t.primaryKey().isEmpty()) {
            ObjectNode pk = n.putObject("primary-key");
            pk.put("name", t.primaryKeyName());
            ArrayNode keyCols = pk.putArray("columns");
            t.primaryKey().forEach(keyCols::add);
        }
        if (t.watermarkColumn() != null) {
            ObjectNode wm = n.putObject("watermark");
            wm.put("column", t.watermarkColumn());
            wm.put("expression", t.watermarkExpression());
        }
        ArrayNode parts = n.putArray("partition-keys");
        t.partitionKeys().forEach(parts::add);
        n.put("comment", t.comment());
        MaterializedTableDefinition m = t.materialized();
        if (m != null) {
            ObjectNode mn = n.putObject("materialized");
            mn.put("original-query", m.originalQuery());
            mn.put("expanded-query", m.expandedQuery());
            mn.put("freshness-interval", m.freshnessInterval());
            mn.put("freshness-unit", m.freshnessUnit());
            mn.put("logical-refresh-mode", m.logicalRefreshMode().name());
            mn.put("refresh-mode", m.refreshMode().name());
            mn.put("refresh-status", m.refreshStatus().name());
            mn.put("restore-path", m.restorePath());
        }
        return n;
    }

    static ObjectNode function(String name, CatalogFunction f) {
        ObjectNode n = header("FUNCTION", name);
        n.put("class-name", f.className());
        n.put("language", f.language());
        ArrayNode jars = n.putArray("jars");
        f.jars().forEach(jars::add);
        return n;
    }

    private static ObjectNode header(String kind, String name) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("format-version", FORMAT_VERSION);
        n.put("kind", kind);
        n.put("name", name);
        return n;
    }

    private static ObjectNode type(LogicalType t) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("root", t.root().name());
        n.put("precision", t.precision());
        n.put("scale", t.scale());
        n.put("nullable", t.isNullable());
        return n;
    }

    // ------------------------------------------------------------------ reading

    /** A parsed document of the expected kind (one of {@code kinds}); fails naming {@code file}. */
    static JsonNode read(byte[] bytes, String file, String... kinds) {
        JsonNode n;
        try {
            n = MAPPER.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw corrupt(file, "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.IOException e) {
            throw corrupt(file, "not valid JSON (" + e.getMessage() + ")");
        }
        if (n == null || !n.isObject()) {
            throw corrupt(file, "expected a JSON object");
        }
        JsonNode version = n.get("format-version");
        if (version == null || !version.isInt()) {
            throw corrupt(file, "no \"format-version\" field");
        }
        if (version.intValue() != FORMAT_VERSION) {
            throw new CatalogException("Catalog file " + file + " has format version " + version.intValue()
                    + ", but this Sluice reads only version " + FORMAT_VERSION + ".");
        }
        String kind = text(n, "kind", file);
        for (String k : kinds) {
            if (k.equals(kind)) {
                return n;
            }
        }
        throw corrupt(file, "kind '" + kind + "' where " + String.join(" or ", kinds) + " was expected");
    }

    /** A TABLE or VIEW document. */
    static CatalogBaseTable readTable(JsonNode n, String file) {
        try {
            return "VIEW".equals(n.get("kind").asText()) ? readView(n, file) : readConnectorTable(n, file);
        } catch (IllegalArgumentException | NullPointerException | IllegalStateException e) {
            throw corrupt(file, "invalid content (" + e.getMessage() + ")");
        }
    }

    private static CatalogView readView(JsonNode n, String file) {
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (JsonNode c : array(n, "columns", file)) {
            names.add(text(c, "name", file));
            types.add(readType(field(c, "type", file), file));
        }
        return new CatalogView(text(n, "query", file), optText(n, "expanded-query"),
                strings(array(n, "column-names", file), file), optText(n, "comment"), new RowType(names, types));
    }

    private static CatalogTable readConnectorTable(JsonNode n, String file) {
        List<CatalogColumn> columns = new ArrayList<>();
        for (JsonNode c : array(n, "columns", file)) {
            String name = text(c, "name", file);
            String comment = optText(c, "comment");
            JsonNode typeNode = c.get("type");
            LogicalType type = typeNode == null || typeNode.isNull() ? null : readType(typeNode, file);
            String kind = text(c, "kind", file);
            switch (kind) {
                case "PHYSICAL":
                    columns.add(CatalogColumn.physical(name, requireType(type, name, file), comment));
                    break;
                case "COMPUTED":
                    columns.add(CatalogColumn.computed(name, type, text(c, "expression", file), comment));
                    break;
                case "METADATA":
                    columns.add(CatalogColumn.metadata(name, requireType(type, name, file),
                            optText(c, "metadata-key"), c.path("virtual").asBoolean(false), comment));
                    break;
                default:
                    throw corrupt(file, "column " + name + " has unknown kind '" + kind + "'");
            }
        }
        Map<String, String> options = new LinkedHashMap<>();
        JsonNode opts = field(n, "options", file);
        if (!opts.isObject()) {
            throw corrupt(file, "\"options\" is not an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = opts.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw corrupt(file, "option '" + e.getKey() + "' is not a string");
            }
            options.put(e.getKey(), e.getValue().asText());
        }
        List<String> pk = List.of();
        String pkName = null;
        JsonNode pkNode = n.get("primary-key");
        if (pkNode != null && !pkNode.isNull()) {
            pk = strings(array(pkNode, "columns", file), file);
            pkName = optText(pkNode, "name");
        }
        String wmColumn = null;
        String wmExpression = null;
        JsonNode wm = n.get("watermark");
        if (wm != null && !wm.isNull()) {
            wmColumn = text(wm, "column", file);
            wmExpression = text(wm, "expression", file);
        }
        CatalogTable table = new CatalogTable(columns, options, pk, pkName, wmColumn, wmExpression,
                optText(n, "comment"), strings(array(n, "partition-keys", file), file));
        JsonNode m = n.get("materialized");
        if (m == null || m.isNull()) {
            return table;
        }
        try {
            return table.withMaterialized(new MaterializedTableDefinition(text(m, "original-query", file),
                    text(m, "expanded-query", file), text(m, "freshness-interval", file),
                    text(m, "freshness-unit", file),
                    MaterializedTableDefinition.LogicalRefreshMode.valueOf(text(m, "logical-refresh-mode", file)),
                    MaterializedTableDefinition.RefreshMode.valueOf(text(m, "refresh-mode", file)),
                    MaterializedTableDefinition.RefreshStatus.valueOf(text(m, "refresh-status", file)),
                    optText(m, "restore-path")));
        } catch (IllegalArgumentException e) {
            throw corrupt(file, "materialized table definition: " + e.getMessage());
        }
    }

    /** A FUNCTION document. */
    static CatalogFunction readFunction(JsonNode n, String file) {
        return new CatalogFunction(text(n, "class-name", file), optText(n, "language"),
                strings(array(n, "jars", file), file));
    }

    private static LogicalType readType(JsonNode n, String file) {
        TypeRoot root;
        String rootName = text(n, "root", file);
        try {
            root = TypeRoot.valueOf(rootName);
        } catch (IllegalArgumentException e) {
            throw corrupt(file, "unknown type root '" + rootName + "'");
        }
        LogicalType t = LogicalType.of(root, n.path("precision").asInt(0), n.path("scale").asInt(0));
        return t.copy(n.path("nullable").asBoolean(true));
    }

    private static LogicalType requireType(LogicalType type, String column, String file) {
        if (type == null) {
            throw corrupt(file, "column " + column + " has no type");
        }
        return type;
    }

    private static JsonNode field(JsonNode n, String name, String file) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw corrupt(file, "missing field \"" + name + "\"");
        }
        return v;
    }

    private static String text(JsonNode n, String name, String file) {
        JsonNode v = field(n, name, file);
        if (!v.isTextual()) {
            throw corrupt(file, "field \"" + name + "\" is not a string");
        }
        return v.asText();
    }

    private static String optText(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static JsonNode array(JsonNode n, String name, String file) {
        JsonNode v = field(n, name, file);
        if (!v.isArray()) {
            throw corrupt(file, "field \"" + name + "\" is not an array");
        }
        return v;
    }

    private static List<String> strings(JsonNode array, String file) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array) {
            if (!s.isTextual()) {
                throw corrupt(file, "expected a list of strings");
            }
            out.add(s.asText());
        }
        return out;
    }

    static CatalogException corrupt(String file, String what) {
        return new CatalogException("Catalog file " + file + " is corrupt: " + what + ".");
    }
}
