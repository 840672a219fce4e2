package io.sluice.util;

import io.sluice.api.common.typeinfo.TypeInformation;
import java.util.Objects;

/**
 * Names a side output of an operator. Create it as an anonymous subclass ({@code new OutputTag<String>("late"){}})
 * or with an explicit type; two tags are equal when their ids are.
 */
public class OutputTag<T> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final transient TypeInformation<T> typeInfo;

    public OutputTag(String id) {
        this(id, null);
    }

    public OutputTag(String id, TypeInformation<T> typeInfo) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("OutputTag id must not be empty.");
        }
        this.id = id;
        this.typeInfo = typeInfo;
    }

    public String getId() {
        return id;
    }

    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputTag && ((OutputTag<?>) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "OutputTag(" + id + ")";
    }
}
