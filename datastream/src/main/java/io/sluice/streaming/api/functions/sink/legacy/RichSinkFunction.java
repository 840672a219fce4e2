package io.sluice.streaming.api.functions.sink.legacy;

import io.sluice.api.common.functions.AbstractRichFunction;

/**
 * A {@link SinkFunction} with a life cycle ({@code open}, {@code close}) and a runtime context (keyed state after
 * {@code keyBy}, metrics, task information).
 *
 * @param <IN> the type of the records
 * @deprecated as in Flink: write a {@code io.sluice.api.connector.sink2.Sink} and use {@code sinkTo}.
 */
@Deprecated
public abstract class RichSinkFunction<IN> extends AbstractRichFunction implements SinkFunction<IN> {
    private static final long serialVersionUID = 1L;
}
