package io.sluice.table.api;

/** A named, typed column of a {@link ResolvedSchema}. */
public final class Column {
    private final String name;
    private final DataType dataType;

    public Column(String name, DataType dataType) {
        this.name = name;
        this.dataType = dataType;
    }

    public static Column physical(String name, DataType type) {
        return new Column(name, type);
    }

    public String getName() {
        return name;
    }

    public DataType getDataType() {
        return dataType;
    }

    @Override
    public String toString() {
        return "`" + name + "` " + dataType;
    }
}
