package io.sluice.runtime.graph;

import io.sluice.runtime.connector.SinkWriter;
import io.sluice.runtime.connector.WriterContext;
import java.util.List;
import java.util.function.Function;

/** Writes its input with a {@link SinkWriter}; produces nothing. */
public final class SinkTransformation extends Transformation {
    private final Transformation input;
    private final Function<WriterContext, SinkWriter> writerFactory;

    public SinkTransformation(String name, Transformation input, Function<WriterContext, SinkWriter> writerFactory) {
        super(name, input.outputType());
        this.input = input;
        this.writerFactory = writerFactory;
    }

    public Function<WriterContext, SinkWriter> writerFactory() {
        return writerFactory;
    }

    @Override
    public List<Transformation> inputs() {
        return List.of(input);
    }
}
