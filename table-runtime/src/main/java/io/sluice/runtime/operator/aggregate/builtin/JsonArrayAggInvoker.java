package io.sluice.runtime.operator.aggregate.builtin;

import io.sluice.runtime.types.LogicalType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code JSON_ARRAYAGG(value [NULL ON NULL | ABSENT ON NULL])}, as in Flink: a JSON array of the group's values
 * in arrival order ({@code []} for a group without values); with {@code ABSENT ON NULL} (the default) NULL values
 * are left out, with {@code NULL ON NULL} they become JSON {@code null}. A retraction removes the earliest equal
 * element. A value that is the result of a nested JSON constructor is inserted as JSON, any other string as a
 * JSON string.
 */
public final class JsonArrayAggInvoker extends BuiltInAggregateInvoker {
    private static final String NULL = "null";
    private final boolean nullOnNull;
    private final boolean rawJson;

    /** The state of one group: the JSON text of each element. */
    static final class Acc implements Serializable {
        private static final long serialVersionUID = 1L;
        final List<String> items = new ArrayList<>();
    }

    /** @param references {@code [argTypes, Boolean nullOnNull, Boolean rawJson]} */
    public JsonArrayAggInvoker(Object[] references) {
        super("JSON_ARRAYAGG", references);
        this.nullOnNull = (Boolean) references[1];
        this.rawJson = (Boolean) references[2];
    }

    /**
     * Whether values of {@code type} can be the value of a JSON aggregate (JSON_ARRAYAGG, JSON_OBJECTAGG): numbers,
     * BOOLEAN, strings, BYTES, TIMESTAMP, TIMESTAMP_LTZ, and ARRAY, MAP, MULTISET and ROW of those (string keys).
     */
    public static boolean isJsonValueType(LogicalType type) {
        return JsonText.supports(type);
    }

    @Override
    public Object createAccumulator() {
        return new Acc();
    }

    private String item(FieldVector[] args, int row) {
        Object v = arg(args, 0, row);
        return v == null ? null : JsonText.of(argTypes[0], v, rawJson);
    }

    @Override
    protected void add(Object acc, FieldVector[] args, int row) {
        String item = item(args, row);
        if (item != null) {
            ((Acc) acc).items.add(item);
        } else if (nullOnNull) {
            ((Acc) acc).items.add(NULL);
        }
    }

    @Override
    public void retract(Object acc, FieldVector[] args, int row) {
        String item = item(args, row);
        ((Acc) acc).items.remove(item == null ? NULL : item);
    }

    @Override
    public Object getValue(Object acc) {
        return JsonText.array(((Acc) acc).items);
    }
}
