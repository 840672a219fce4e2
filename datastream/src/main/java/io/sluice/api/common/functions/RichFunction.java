package io.sluice.api.common.functions;

/** A function with a life cycle and access to its {@link RuntimeContext} (keyed state, task information). */
public interface RichFunction extends Function {
    void open(OpenContext openContext) throws Exception;

    void close() throws Exception;

    RuntimeContext getRuntimeContext();

    void setRuntimeContext(RuntimeContext context);
}
