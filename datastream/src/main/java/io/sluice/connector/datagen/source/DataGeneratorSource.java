package io.sluice.connector.datagen.source;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.api.connector.source.Boundedness;
import io.sluice.api.connector.source.Source;
import io.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;
import io.sluice.datastream.runtime.FunctionCopies;
import io.sluice.datastream.runtime.source.GeneratorScanSource;
import io.sluice.datastream.runtime.source.RecordSourceProvider;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.state.keyed.StateSerializer;

/**
 * Generates {@code count} records by applying a {@link GeneratorFunction} to the indexes {@code 0..count-1}, split
 * over the parallel instances, optionally rate-limited. {@code Long.MAX_VALUE} records make an endless source. The
 * position is checkpointed, so a restored job continues after the last index it emitted.
 */
public class DataGeneratorSource<OUT> extends io.sluice.datastream.runtime.source.BuiltInSource<OUT> {
    private static final long serialVersionUID = 1L;
    private final GeneratorFunction<Long, OUT> generatorFunction;
    private final long count;
    private final RateLimiterStrategy rateLimiter;
    private final TypeInformation<OUT> typeInfo;

    public DataGeneratorSource(GeneratorFunction<Long, OUT> generatorFunction, long count,
            TypeInformation<OUT> typeInfo) {
        this(generatorFunction, count, RateLimiterStrategy.noOp(), typeInfo);
    }

    public DataGeneratorSource(GeneratorFunction<Long, OUT> generatorFunction, long count,
            RateLimiterStrategy rateLimiterStrategy, TypeInformation<OUT> typeInfo) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        this.generatorFunction = generatorFunction;
        this.count = count;
        this.rateLimiter = rateLimiterStrategy;
        this.typeInfo = typeInfo;
    }

    @Override
    public Boundedness getBoundedness() {
        return count == Long.MAX_VALUE ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public TypeInformation<OUT> getProducedType() {
        return typeInfo;
    }

    @Override
    public ScanTableSource scanSource(StateSerializer<OUT> serializer) {
        return new GeneratorScanSource<>(FunctionCopies.serialize(generatorFunction), count,
                rateLimiter.recordsPerSecond(), rateLimiter.recordsPerCheckpoint(), serializer);
    }
}
