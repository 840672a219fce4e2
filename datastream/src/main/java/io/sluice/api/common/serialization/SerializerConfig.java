package io.sluice.api.common.serialization;

/** Serializer settings handed to {@link io.sluice.api.common.typeinfo.TypeInformation#createSerializer}; none yet. */
public final class SerializerConfig implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** The settings every job uses. */
    public static final SerializerConfig DEFAULT = new SerializerConfig();
}
