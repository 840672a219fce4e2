package io.sluice.format.parquet;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.TableException;
import io.sluice.types.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Assembles the values of ARRAY, MAP, MULTISET and ROW columns from Parquet's record reader: a converter tree built
 * from the declared type and the stored group reads each record's nested columns as the external values
 * {@code VectorValues} writes (Java arrays, maps and {@link Row}s; dates, times and timestamps as raw vector values).
 *
 * <p>Stored layouts read: LIST groups in the 3-level form and the older 2-level forms (a repeated primitive, or a
 * repeated group that is itself the element), a bare repeated field as an ARRAY, MAP (and MAP_KEY_VALUE) groups, and
 * plain groups as ROWs, whose fields are matched by name (a field the file lacks is NULL; others are ignored).
 * Primitive values are converted like top-level columns. A stored type that does not fit the declared one fails when
 * the reader is built, naming the column and file.
 */
final class NestedConverters {
    private NestedConverters() {
    }

    /** Materializes one record of the nested columns as an {@code Object[]} in the order of {@code types}. */
    static final class Materializer extends RecordMaterializer<Object[]> {
        private final Root root;

        /**
         * @param schema the file's requested nested columns, one field per entry of {@code types}, in that order
         */
        Materializer(MessageType schema, LogicalType[] types, String[] columns, ParquetFormatConfig config,
                String file) {
            this.root = new Root(schema, types, columns, config, file);
        }

        @Override
        public Object[] getCurrentRecord() {
            return root.values;
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }
    }

    /** The message: one value per nested column. */
    private static final class Root extends GroupConverter {
        private final Converter[] fields;
        private final List<?>[] repeated;
        private Object[] values;

        Root(MessageType schema, LogicalType[] types, String[] columns, ParquetFormatConfig config, String file) {
            int n = types.length;
            fields = new Converter[n];
            repeated = new List<?>[n];
            for (int i = 0; i < n; i++) {
                final int index = i;
                Type stored = schema.getType(i);
                if (stored.isRepetition(Type.Repetition.REPEATED)) {
                    // a bare repeated field (no LIST group): each occurrence is an element of an ARRAY
                    need(types[i].root() == TypeRoot.ARRAY, stored, types[i], columns[i], file);
                    fields[i] = converter(types[i].elementType(), stored, e -> add(index, e), config, columns[i], file);
                } else {
                    fields[i] = converter(types[i], stored, v -> values[index] = v, config, columns[i], file);
                }
            }
            for (int i = 0; i < n; i++) {
                if (schema.getType(i).isRepetition(Type.Repetition.REPEATED)) {
                    repeated[i] = new ArrayList<>();
                }
            }
        }

        @SuppressWarnings("unchecked")
        private void add(int index, Object element) {
            ((List<Object>) repeated[index]).add(element);
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return fields[fieldIndex];
        }

        @Override
        public void start() {
            values = new Object[fields.length];
            for (List<?> list : repeated) {
                if (list != null) {
                    list.clear();
                }
            }
        }

        @Override
        public void end() {
            for (int i = 0; i < repeated.length; i++) {
                if (repeated[i] != null) {
                    values[i] = repeated[i].toArray();
                }
            }
        }
    }

    private static void need(boolean ok, Type stored, LogicalType type, String column, String file) {
        if (!ok) {
            throw new TableException("Column '" + column + "' of parquet file " + file + " holds " + stored
                    + ", which cannot be read as " + type.typeName() + ".");
        }
    }

    /** The converter of a value of {@code type} stored as {@code stored}, handing each value to {@code sink}. */
    private static Converter converter(LogicalType type, Type stored, Consumer<Object> sink, ParquetFormatConfig config,
            String column, String file) {
        switch (type.root()) {
            case ARRAY:
                need(!stored.isPrimitive(), stored, type, column, file);
                return new ListConverter(type, stored.asGroupType(), sink, config, column, file);
            case MAP:
            case MULTISET:
                need(!stored.isPrimitive(), stored, type, column, file);
                return new MapConverter(type, stored.asGroupType(), sink, config, column, file);
            case ROW:
                need(!stored.isPrimitive(), stored, type, column, file);
                return new RowConverter(type, stored.asGroupType(), sink, config, column, file);
            default:
                need(stored.isPrimitive(), stored, type, column, file);
                return LeafConverters.of(type, stored.asPrimitiveType(), sink, config, column, file);
        }
    }

    /** An ARRAY from a LIST group (3-level or 2-level) or a group whose only field is repeated. */
    private static final class ListConverter extends GroupConverter {
        private final Consumer<Object> sink;
        private final Converter repeated;
        private final List<Object> elements = new ArrayList<>();

        ListConverter(LogicalType type, GroupType group, Consumer<Object> sink, ParquetFormatConfig config,
                String column, String file) {
            this.sink = sink;
            need(group.getFieldCount() == 1 && group.getType(0).isRepetition(Type.Repetition.REPEATED), group, type,
                    column, file);
            Type rep = group.getType(0);
            LogicalType elementType = type.elementType();
            if (isElementWrapper(rep, group.getName())) {
                // 3-level: repeated group list { element }
                Type elementStored = rep.asGroupType().getType(0);
                Converter element = converter(elementType, elementStored, this::pending, config, column, file);
                this.repeated = new Wrapper(element, () -> elements.add(pendingValue), () -> pendingValue = null);
            } else {
                // 2-level: the repeated field is the element
                this.repeated = converter(elementType, rep, elements::add, config, column, file);
            }
        }

        private Object pendingValue;

        private void pending(Object v) {
            pendingValue = v;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return repeated;
        }

        @Override
        public void start() {
            elements.clear();
        }

        @Override
        public void end() {
            sink.accept(elements.toArray());
        }
    }

    /**
     * Whether the repeated field of a LIST group wraps the element (3-level form), by Parquet's rules for older
     * files: a repeated primitive, a group of several fields, or a group named {@code array} or
     * {@code <list>_tuple} is the element itself.
     */
    private static boolean isElementWrapper(Type repeated, String listName) {
        if (repeated.isPrimitive()) {
            return false;
        }
        GroupType g = repeated.asGroupType();
        return g.getFieldCount() == 1 && !g.getName().equals("array") && !g.getName().equals(listName + "_tuple");
    }

    /** A repeated group wrapping one value: reports its start and end around the value's converter. */
    private static final class Wrapper extends GroupConverter {
        private final Converter value;
        private final Runnable onEnd;
        private final Runnable onStart;

        Wrapper(Converter value, Runnable onEnd, Runnable onStart) {
            this.value = value;
            this.onEnd = onEnd;
            this.onStart = onStart;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return value;
        }

        @Override
        public void start() {
            onStart.run();
        }

        @Override
        public void end() {
            onEnd.run();
        }
    }

    /** A MAP or MULTISET from a group holding one repeated group of a key and a value. */
    private static final class MapConverter extends GroupConverter {
        private final Consumer<Object> sink;
        private final GroupConverter entries;
        private final Map<Object, Object> map = new LinkedHashMap<>();
        private Object key;
        private Object value;

        MapConverter(LogicalType type, GroupType group, Consumer<Object> sink, ParquetFormatConfig config,
                String column, String file) {
            this.sink = sink;
            need(group.getFieldCount() == 1 && !group.getType(0).isPrimitive()
                    && group.getType(0).isRepetition(Type.Repetition.REPEATED)
                    && group.getType(0).asGroupType().getFieldCount() == 2, group, type, column, file);
            GroupType kv = group.getType(0).asGroupType();
            LogicalType valueType = type.root() == TypeRoot.MAP ? type.valueType() : LogicalType.integer().notNull();
            Converter k = converter(type.keyType(), kv.getType(0), v -> key = v, config, column, file);
            Converter v = converter(valueType, kv.getType(1), x -> value = x, config, column, file);
            this.entries = new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return fieldIndex == 0 ? k : v;
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
            return entries;
        }

        @Override
        public void start() {
            map.clear();
        }

        @Override
        public void end() {
            sink.accept(new LinkedHashMap<>(map));
        }
    }

    /** A ROW from a group, fields matched by name. */
    private static final class RowConverter extends GroupConverter {
        private final Consumer<Object> sink;
        private final Converter[] converters;
        private final List<?>[] repeated;
        private final int[] target;
        private final int arity;
        private Row row;

        RowConverter(LogicalType type, GroupType group, Consumer<Object> sink, ParquetFormatConfig config,
                String column, String file) {
            this.sink = sink;
            this.arity = type.children().size();
            int n = group.getFieldCount();
            this.converters = new Converter[n];
            this.repeated = new List<?>[n];
            this.target = new int[n];
            for (int i = 0; i < n; i++) {
                Type stored = group.getType(i);
                int f = type.fieldNames().indexOf(stored.getName());
                target[i] = f;
                if (f < 0) {
                    converters[i] = ignoring(stored);
                    continue;
                }
                LogicalType fieldType = type.children().get(f);
                String path = column + "." + stored.getName();
                if (stored.isRepetition(Type.Repetition.REPEATED)) {
                    need(fieldType.root() == TypeRoot.ARRAY, stored, fieldType, path, file);
                    List<Object> list = new ArrayList<>();
                    repeated[i] = list;
                    converters[i] = converter(fieldType.elementType(), stored, list::add, config, path, file);
                } else {
                    converters[i] = converter(fieldType, stored, v -> row.setField(f, v), config, path, file);
                }
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return converters[fieldIndex];
        }

        @Override
        public void start() {
            row = new Row(arity);
            for (List<?> list : repeated) {
                if (list != null) {
                    list.clear();
                }
            }
        }

        @Override
        public void end() {
            for (int i = 0; i < repeated.length; i++) {
                if (repeated[i] != null) {
                    row.setField(target[i], repeated[i].toArray());
                }
            }
            sink.accept(row);
        }
    }

    /** A converter that drops every value of {@code type}. */
    private static Converter ignoring(Type type) {
        if (type.isPrimitive()) {
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
        GroupType group = type.asGroupType();
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
