package io.sluice.streaming.api.functions.co;

import io.sluice.api.common.functions.AbstractRichFunction;
import io.sluice.util.Collector;
import io.sluice.util.OutputTag;

/** Called for each pair of an interval join; the output record carries the larger of the two timestamps. */
public abstract class ProcessJoinFunction<IN1, IN2, OUT> extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    public abstract void processElement(IN1 left, IN2 right, Context ctx, Collector<OUT> out) throws Exception;

    /** The timestamps of the joined pair, and side outputs. */
    public abstract class Context {
        public abstract long getLeftTimestamp();

        public abstract long getRightTimestamp();

        /** The timestamp of the joined result: the larger of the two. */
        public abstract long getTimestamp();

        public abstract <X> void output(OutputTag<X> outputTag, X value);
    }
}
