package io.sluice.streaming.api.functions.windowing.delta;

import java.io.Serializable;

/** The distance between two records. */
@FunctionalInterface
public interface DeltaFunction<DATA> extends Serializable {
    double getDelta(DATA oldDataPoint, DATA newDataPoint);
}
