package io.sluice.formats.parquet.avro;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.util.Utf8;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Builds Avro records (in a generic, specific or reflect data model) from Parquet's record assembly: a converter per
 * Parquet field, matched to the Avro field of the same name. Lists (three-level and two-level), maps, nested records,
 * enums, fixed and nullable unions ({@code ["null", T]}) are read; logical types keep their underlying value (a date
 * is an {@code int}, a timestamp a {@code long}, a decimal its bytes).
 */
final class AvroConverters {
    private AvroConverters() {
    }

    /** Receives the value a converter assembled. */
    interface Sink {
        void add(Object value);
    }

    /** The materializer of records of {@code avro} from the Parquet {@code requested} schema. */
    static RecordMaterializer<Object> materializer(MessageType requested, Schema avro, GenericData model) {
        RecordConverter root = new RecordConverter(requested, avro, model, null);
        return new RecordMaterializer<>() {
            @Override
            public Object getCurrentRecord() {
                return root.current;
            }

            @Override
            public GroupConverter getRootConverter() {
                return root;
            }
        };
    }

    /** The schema of {@code s} without its null branch; other unions are not supported. */
    static Schema nonNull(Schema s) {
        if (s.getType() != Schema.Type.UNION) {
            return s;
        }
        Schema found = null;
        for (Schema branch : s.getTypes()) {
            if (branch.getType() == Schema.Type.NULL) {
                continue;
            }
            if (found != null) {
                throw new UnsupportedOperationException("not supported yet: reading Parquet into the Avro union " + s
                        + " (only unions of null and one type are read)");
            }
            found = branch;
        }
        return found;
    }

    /** Whether strings are read as {@link String} (else as Avro's {@link Utf8}). */
    static boolean javaStrings(Schema string, GenericData model) {
        return model instanceof SpecificData || "String".equals(string.getProp(GenericData.STRING_PROP));
    }

    static Converter converter(Type parquet, Schema avro, GenericData model, Sink sink) {
        Schema type = nonNull(avro);
        if (parquet.isPrimitive()) {
            return new ValueConverter(parquet, type, model, sink);
        }
        GroupType group = parquet.asGroupType();
        switch (type.getType()) {
            case RECORD:
                return new RecordConverter(group, type, model, sink);
            case ARRAY:
                return new ListConverter(group, type, model, sink);
            case MAP:
                return new MapConverter(group, type, model, sink);
            default:
                throw new IllegalArgumentException("Parquet group " + parquet.getName() + " cannot be read as Avro "
                        + type);
        }
    }

    static List<Object> newList(Schema array, GenericData model) {
        return model instanceof org.apache.avro.reflect.ReflectData ? new ArrayList<>()
                : new GenericData.Array<>(4, array);
    }

    /** Assembles a record; a Parquet field the Avro schema lacks is read and dropped. */
    static final class RecordConverter extends GroupConverter {
        private final Schema schema;
        private final GenericData model;
        private final Sink parent;
        private final Converter[] converters;
        /** Per Avro field: whether it is a repeated Parquet field (an array that is empty when absent). */
        private final boolean[] repeated;
        /** Per Avro field: whether the Parquet group lacks it (it then takes its default, if it has one). */
        private final boolean[] absent;
        private Object[] values;
        Object current;

        RecordConverter(GroupType parquet, Schema schema, GenericData model, Sink parent) {
            this.schema = schema;
            this.model = model;
            this.parent = parent;
            this.converters = new Converter[parquet.getFieldCount()];
            this.repeated = new boolean[schema.getFields().size()];
            this.absent = new boolean[schema.getFields().size()];
            for (Schema.Field f : schema.getFields()) {
                absent[f.pos()] = !parquet.containsField(f.name());
            }
            for (int i = 0; i < converters.length; i++) {
                Type field = parquet.getType(i);
                Schema.Field avroField = schema.getField(field.getName());
                if (avroField == null) {
                    converters[i] = ignoring(field);
                    continue;
                }
                int pos = avroField.pos();
                Schema fieldType = nonNull(avroField.schema());
                if (field.isRepetition(Type.Repetition.REPEATED) && fieldType.getType() == Schema.Type.ARRAY) {
                    repeated[pos] = true;
                    converters[i] = converter(field, fieldType.getElementType(), model, v -> {
                        @SuppressWarnings("unchecked")
                        List<Object> list = (List<Object>) values[pos];
                        if (list == null) {
                            list = newList(fieldType, model);
                            values[pos] = list;
                        }
                        list.add(v);
                    });
                } else {
                    converters[i] = converter(field, avroField.schema(), model, v -> values[pos] = v);
                }
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return converters[fieldIndex];
        }

        @Override
        public void start() {
            values = new Object[repeated.length];
        }

        @Override
        public void end() {
            Object record = model.newRecord(null, schema);
            for (Schema.Field f : schema.getFields()) {
                Object v = values[f.pos()];
                if (v == null && repeated[f.pos()]) {
                    v = newList(nonNull(f.schema()), model);
                }
                if (v == null && absent[f.pos()] && f.hasDefaultValue()) {
                    v = model.deepCopy(f.schema(), model.getDefaultValue(f));
                }
                if (v != null) {
                    model.setField(record, f.name(), f.pos(), v);
                }
            }
            if (parent == null) {
                current = record;
            } else {
                parent.add(record);
            }
        }
    }

    /** Assembles an array from a Parquet LIST group (three-level, or two-level as older writers store it). */
    static final class ListConverter extends GroupConverter {
        private final Schema array;
        private final GenericData model;
        private final Sink parent;
        private final Converter element;
        private List<Object> list;

        ListConverter(GroupType parquet, Schema array, GenericData model, Sink parent) {
            this.array = array;
            this.model = model;
            this.parent = parent;
            Type repeated = parquet.getType(0);
            Schema elementSchema = array.getElementType();
            boolean threeLevel = !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1
                    && !repeated.getName().equals("array") && !repeated.getName().equals(parquet.getName() + "_tuple")
                    && !(nonNull(elementSchema).getType() == Schema.Type.RECORD
                            && nonNull(elementSchema).getField(repeated.asGroupType().getType(0).getName()) != null);
            if (threeLevel) {
                Type elementType = repeated.asGroupType().getType(0);
                this.element = new GroupConverter() {
                    private Object value;
                    private final Converter inner = converter(elementType, elementSchema, model, v -> value = v);

                    @Override
                    public Converter getConverter(int fieldIndex) {
                        return inner;
                    }

                    @Override
                    public void start() {
                        value = null;
                    }

                    @Override
                    public void end() {
                        list.add(value);
                    }
                };
            } else {
                this.element = converter(repeated, elementSchema, model, v -> list.add(v));
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return element;
        }

        @Override
        public void start() {
            list = newList(array, model);
        }

        @Override
        public void end() {
            parent.add(list);
        }
    }

    /** Assembles a map from a Parquet MAP group of repeated key-value pairs. */
    static final class MapConverter extends GroupConverter {
        private final Sink parent;
        private final GroupConverter entry;
        private Map<Object, Object> map;
        private Object key;
        private Object value;

        MapConverter(GroupType parquet, Schema mapSchema, GenericData model, Sink parent) {
            this.parent = parent;
            GroupType keyValue = parquet.getType(0).asGroupType();
            Schema keySchema = Schema.create(Schema.Type.STRING);
            if (javaStrings(mapSchema, model)) {
                keySchema.addProp(GenericData.STRING_PROP, "String");
            }
            Converter keys = converter(keyValue.getType(0), keySchema, model, v -> key = v);
            Converter values = keyValue.getFieldCount() > 1
                    ? converter(keyValue.getType(1), mapSchema.getValueType(), model, v -> value = v) : null;
            this.entry = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return fieldIndex == 0 ? keys : values;
                }

                @Override
                public void start() {
                    key = null;
                    value = null;
                }

                @Override
                public void end() {
                    map.put(key, value);
                }
            };
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return entry;
        }

        @Override
        public void start() {
            map = new HashMap<>();
        }

        @Override
        public void end() {
            parent.add(map);
        }
    }

    /** Converts a Parquet primitive to the Avro value of {@code type}. */
    static final class ValueConverter extends PrimitiveConverter {
        private final Schema type;
        private final GenericData model;
        private final Sink sink;
        private final boolean javaStrings;

        ValueConverter(Type parquet, Schema type, GenericData model, Sink sink) {
            this.type = type;
            this.model = model;
            this.sink = sink;
            this.javaStrings = javaStrings(type, model);
            PrimitiveTypeName stored = parquet.asPrimitiveType().getPrimitiveTypeName();
            if (!readable(stored, type.getType())) {
                throw new IllegalArgumentException("Parquet column " + parquet.getName() + " (" + stored
                        + ") cannot be read as Avro " + type);
            }
        }

        private static boolean readable(PrimitiveTypeName stored, Schema.Type avro) {
            switch (stored) {
                case BOOLEAN:
                    return avro == Schema.Type.BOOLEAN;
                case INT32:
                    return avro == Schema.Type.INT || avro == Schema.Type.LONG;
                case INT64:
                    return avro == Schema.Type.LONG;
                case FLOAT:
                    return avro == Schema.Type.FLOAT || avro == Schema.Type.DOUBLE;
                case DOUBLE:
                    return avro == Schema.Type.DOUBLE;
                case BINARY:
                case FIXED_LEN_BYTE_ARRAY:
                case INT96:
                    return avro == Schema.Type.STRING || avro == Schema.Type.BYTES || avro == Schema.Type.ENUM
                            || avro == Schema.Type.FIXED;
                default:
                    return false;
            }
        }

        @Override
        public void addBoolean(boolean value) {
            sink.add(value);
        }

        @Override
        public void addInt(int value) {
            sink.add(type.getType() == Schema.Type.LONG ? (Object) (long) value : (Object) value);
        }

        @Override
        public void addLong(long value) {
            sink.add(value);
        }

        @Override
        public void addFloat(float value) {
            sink.add(type.getType() == Schema.Type.DOUBLE ? (Object) (double) value : (Object) value);
        }

        @Override
        public void addDouble(double value) {
            sink.add(value);
        }

        @Override
        public void addBinary(Binary value) {
            switch (type.getType()) {
                case STRING:
                    sink.add(javaStrings ? value.toStringUsingUTF8() : new Utf8(value.getBytes()));
                    break;
                case ENUM:
                    sink.add(model.createEnum(value.toStringUsingUTF8(), type));
                    break;
                case FIXED:
                    sink.add(model.createFixed(null, value.getBytes(), type));
                    break;
                default:
                    sink.add(ByteBuffer.wrap(value.getBytes()));
            }
        }
    }

    /** A converter that reads {@code field} and drops it. */
    static Converter ignoring(Type field) {
        if (field.isPrimitive()) {
            return new PrimitiveConverter() {
                @Override
                public void addBinary(Binary value) {
                }

                @Override
                public void addBoolean(boolean value) {
                }

                @Override
                public void addDouble(double value) {
                }

                @Override
                public void addFloat(float value) {
                }

                @Override
                public void addInt(int value) {
                }

                @Override
                public void addLong(long value) {
                }
            };
        }
        GroupType group = field.asGroupType();
        Converter[] children = new Converter[group.getFieldCount()];
        for (int i = 0; i < children.length; i++) {
            children[i] = ignoring(group.getType(i));
        }
        return new GroupConverter() {
            @Override
            public Converter getConverter(int fieldIndex) {
                return children[fieldIndex];
            }

            @Override
            public void start() {
            }

            @Override
            public void end() {
            }
        };
    }
}
