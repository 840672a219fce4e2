package io.sluice.python.datastream;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.common.typeinfo.Types;

/**
 * The engine's type information of a Python type information described as JSON by the Python side
 * ({@code {"t": "STRING"}}, {@code {"t": "ROW", "names": [...], "fields": [...]}}, {@code {"t": "TUPLE", "fields":
 * [...]}}, {@code LIST}, {@code MAP}, {@code PICKLED}). Streams that a table reads carry it, so that the table's
 * columns come from it.
 */
public final class PythonTypes {
    private PythonTypes() {
    }

    public static TypeInformation<?> of(JsonNode t) {
        String name = t.get("t").asText();
        switch (name) {
            case "STRING":
            case "CHAR":
                return Types.STRING;
            case "BOOLEAN":
                return Types.BOOLEAN;
            case "BYTE":
                return Types.BYTE;
            case "SHORT":
                return Types.SHORT;
            case "INT":
                return Types.INT;
            case "LONG":
            case "BIG_INT":
                return Types.LONG;
            case "FLOAT":
                return Types.FLOAT;
            case "DOUBLE":
                return Types.DOUBLE;
            case "BIG_DEC":
                return Types.BIG_DEC;
            case "INSTANT":
                return Types.INSTANT;
            case "SQL_DATE":
                return Types.LOCAL_DATE;
            case "SQL_TIMESTAMP":
                return Types.LOCAL_DATE_TIME;
            case "SQL_TIME":
                return Types.LOCAL_TIME;
            case "PICKLED":
                return Types.PRIMITIVE_ARRAY(Types.BYTE);
            case "ROW": {
                JsonNode fields = t.get("fields");
                TypeInformation<?>[] types = new TypeInformation<?>[fields.size()];
                String[] names = new String[fields.size()];
                for (int i = 0; i < types.length; i++) {
                    types[i] = of(fields.get(i));
                    names[i] = t.get("names").get(i).asText();
                }
                return Types.ROW_NAMED(names, types);
            }
            case "TUPLE": {
                JsonNode fields = t.get("fields");
                TypeInformation<?>[] types = new TypeInformation<?>[fields.size()];
                for (int i = 0; i < types.length; i++) {
                    types[i] = of(fields.get(i));
                }
                return Types.TUPLE(types);
            }
            case "LIST":
                return Types.LIST(of(t.get("element")));
            case "MAP":
                return Types.MAP(of(t.get("key")), of(t.get("value")));
            default:
                throw new IllegalArgumentException("not supported yet: the Python type " + name
                        + " in a stream a table reads");
        }
    }
}
