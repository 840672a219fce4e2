package io.sluice.runtime.state.keyed;

/** The namespace of keyed state that is not scoped further (anything but window contents). */
public enum VoidNamespace {
    INSTANCE
}
