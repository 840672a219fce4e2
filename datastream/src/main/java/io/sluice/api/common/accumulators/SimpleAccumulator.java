package io.sluice.api.common.accumulators;

import java.io.Serializable;

/** An accumulator whose values and result have the same type. */
public interface SimpleAccumulator<T extends Serializable> extends Accumulator<T, T> {
}
