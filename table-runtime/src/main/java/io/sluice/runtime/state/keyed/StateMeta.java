package io.sluice.runtime.state.keyed;

/**
 * What a snapshot records about one registered state: its name, kind and the identities of its serializers, so
 * that a restored state is registered again with the same shape or fails clearly.
 *
 * @param valueIdentity the value serializer's identity; for map state {@code userKey -> value}; empty for timers
 */
public record StateMeta(String name, Kind kind, String namespaceIdentity, String valueIdentity) {

    /** The kinds of keyed state. */
    public enum Kind {
        VALUE, LIST, MAP, EVENT_TIMERS, PROCESSING_TIMERS;

        public boolean isTimers() {
            return this == EVENT_TIMERS || this == PROCESSING_TIMERS;
        }
    }

    /** The meta of a value state with these serializers. */
    public static StateMeta value(String name, StateSerializer<?> namespace, StateSerializer<?> value) {
        return new StateMeta(name, Kind.VALUE, namespace.identity(), value.identity());
    }

    /** The meta of a list state with these serializers. */
    public static StateMeta list(String name, StateSerializer<?> namespace, StateSerializer<?> element) {
        return new StateMeta(name, Kind.LIST, namespace.identity(), element.identity());
    }

    /** The meta of a map state with these serializers. */
    public static StateMeta map(String name, StateSerializer<?> namespace, StateSerializer<?> userKey,
            StateSerializer<?> value) {
        return new StateMeta(name, Kind.MAP, namespace.identity(), userKey.identity() + " -> " + value.identity());
    }

    /** Unique within a backend: states by name, timers by name and kind. */
    public String id() {
        return kind.isTimers() ? "timers/" + kind + "/" + name : name;
    }

    /** Fails unless {@code registered} has this meta's kind and serializer identities. */
    public void checkCompatible(StateMeta registered) {
        if (kind != registered.kind) {
            throw new IllegalStateException("State '" + name + "' was restored as " + kind
                    + " state but is registered as " + registered.kind + " state");
        }
        if (!namespaceIdentity.equals(registered.namespaceIdentity) || !valueIdentity.equals(registered.valueIdentity)) {
            throw new IllegalStateException("State '" + name + "' was written with serializers ["
                    + namespaceIdentity + ", " + valueIdentity + "] but is registered with ["
                    + registered.namespaceIdentity + ", " + registered.valueIdentity
                    + "]; the state cannot be read with another type");
        }
    }
}
