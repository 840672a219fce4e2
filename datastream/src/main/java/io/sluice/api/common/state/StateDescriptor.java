package io.sluice.api.common.state;

import io.sluice.api.common.typeinfo.TypeInformation;
import java.util.Objects;

/**
 * Names a keyed state and the type of its values; a function registers state with it through its runtime
 * context. Two registrations with the same name return the same state.
 */
public abstract class StateDescriptor<S extends State, T> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** The kinds of state. */
    public enum Type {
        VALUE, LIST, REDUCING, AGGREGATING, MAP
    }

    protected final String name;
    protected final transient TypeInformation<T> typeInfo;
    private StateTtlConfig ttlConfig = StateTtlConfig.DISABLED;

    protected StateDescriptor(String name, TypeInformation<T> typeInfo) {
        this.name = Objects.requireNonNull(name, "name");
        this.typeInfo = typeInfo;
    }

    protected StateDescriptor(String name, Class<T> type) {
        this(name, type == null ? null : TypeInformation.of(type));
    }

    public String getName() {
        return name;
    }

    /** The type of the values (for map state, of the map's values). */
    public TypeInformation<T> getTypeInformation() {
        return typeInfo;
    }

    public abstract Type getType();

    /** Expires values a while after they were written (see {@link StateTtlConfig}). */
    public void enableTimeToLive(StateTtlConfig ttlConfig) {
        this.ttlConfig = Objects.requireNonNull(ttlConfig);
    }

    public StateTtlConfig getTtlConfig() {
        return ttlConfig;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{name=" + name + "}";
    }
}
