package io.sluice.datastream.runtime.source;

import io.sluice.api.common.typeinfo.TypeInformation;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.state.keyed.StateSerializer;

/** A DataStream source that Sluice runs as a runtime table source of serialized records. */
public interface RecordSourceProvider<T> {
    /** The type of the records (null when unknown). */
    TypeInformation<T> getProducedType();

    /** The runtime source, serializing records with {@code serializer}. */
    ScanTableSource scanSource(StateSerializer<T> serializer);
}
