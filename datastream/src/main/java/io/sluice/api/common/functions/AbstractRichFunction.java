package io.sluice.api.common.functions;

/** The base class of rich functions: keeps the runtime context, does nothing on open and close. */
public abstract class AbstractRichFunction implements RichFunction {
    private static final long serialVersionUID = 1L;
    private transient RuntimeContext runtimeContext;

    @Override
    public void setRuntimeContext(RuntimeContext context) {
        this.runtimeContext = context;
    }

    @Override
    public RuntimeContext getRuntimeContext() {
        if (runtimeContext == null) {
            throw new IllegalStateException("The runtime context has not been initialized.");
        }
        return runtimeContext;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
    }

    @Override
    public void close() throws Exception {
    }
}
