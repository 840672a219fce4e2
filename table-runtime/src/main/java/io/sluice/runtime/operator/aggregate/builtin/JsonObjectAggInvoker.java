package io.sluice.runtime.operator.aggregate.builtin;

import io.sluice.table.api.TableException;
import java.io.Serializable;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code JSON_OBJECTAGG([KEY] key VALUE value [NULL ON NULL | ABSENT ON NULL])}, as in Flink: a JSON object with
 * one member per row of the group ({@code {}} for a group without rows). With {@code NULL ON NULL} (the default)
 * a NULL value becomes JSON {@code null}, with {@code ABSENT ON NULL} the member is left out. Keys must be unique
 * within a group and not NULL; a second row with a key already present fails the query. Members are written in
 * key order. A retraction removes the member when it holds the retracted value. A value that is the result of a
 * nested JSON constructor is inserted as JSON, any other string as a JSON string.
 */
public final class JsonObjectAggInvoker extends BuiltInAggregateInvoker {
    private static final String NULL = "null";
    private final boolean nullOnNull;
    private final boolean rawJson;

    /** The state of one group: key to the JSON text of its value. */
    static final class Acc implements Serializable {
        private static final long serialVersionUID = 1L;
        final TreeMap<String, String> members = new TreeMap<>();
    }

    /** @param references {@code [argTypes, Boolean nullOnNull, Boolean rawJson]} */
    public JsonObjectAggInvoker(Object[] references) {
        super("JSON_OBJECTAGG", references);
        this.nullOnNull = (Boolean) references[1];
        this.rawJson = (Boolean) references[2];
    }

    @Override
    public Object createAccumulator() {
        return new Acc();
    }

    private String value(FieldVector[] args, int row) {
        Object v = arg(args, 1, row);
        return v == null ? null : JsonText.of(argTypes[1], v, rawJson);
    }

    @Override
    protected void add(Object acc, FieldVector[] args, int row) {
        Object key = arg(args, 0, row);
        if (key == null) {
            throw new TableException("JSON_OBJECTAGG: a key is NULL; keys must be non-NULL strings");
        }
        Acc a = (Acc) acc;
        String k = key.toString();
        if (a.members.containsKey(k)) {
            throw new TableException("JSON_OBJECTAGG: key '" + k + "' occurs more than once in a group;"
                    + " keys must be unique");
        }
        String value = value(args, row);
        if (value != null) {
            a.members.put(k, value);
        } else if (nullOnNull) {
            a.members.put(k, NULL);
        }
    }

    @Override
    public void retract(Object acc, FieldVector[] args, int row) {
        Object key = arg(args, 0, row);
        if (key == null) {
            return;
        }
        Acc a = (Acc) acc;
        String value = value(args, row);
        String k = key.toString();
        if (a.members.containsKey(k) && Objects.equals(a.members.get(k), value == null ? NULL : value)) {
            a.members.remove(k);
        }
    }

    @Override
    public Object getValue(Object acc) {
        return JsonText.object(((Acc) acc).members);
    }
}
