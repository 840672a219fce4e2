package io.sluice.api.common.functions;

/** The {@link OpenContext} the runtime passes to rich functions. */
public final class DefaultOpenContext implements OpenContext {
    public static final OpenContext INSTANCE = new DefaultOpenContext();

    private DefaultOpenContext() {
    }
}
