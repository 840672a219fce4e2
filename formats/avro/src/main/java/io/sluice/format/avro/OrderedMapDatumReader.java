package io.sluice.format.avro;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * Avro's generic reader, reading Avro maps into insertion-ordered maps, so MAP and MULTISET values keep the order of
 * their entries as written (Avro's own data model uses hash maps).
 */
final class OrderedMapDatumReader extends GenericDatumReader<GenericRecord> {
    /** Avro's generic data model with insertion-ordered maps; used by the plain and the fast reader alike. */
    private static final GenericData ORDERED_MAPS = new GenericData() {
        @Override
        public Object newMap(Object old, int size) {
            if (old instanceof LinkedHashMap) {
                ((Map<?, ?>) old).clear();
                return old;
            }
            return new LinkedHashMap<>(Math.max(16, size * 2));
        }
    };

    /** A reader using the writer's schema (set later, e.g. by a container file). */
    OrderedMapDatumReader() {
        super(ORDERED_MAPS);
    }

    /** A reader of data written with {@code schema}. */
    OrderedMapDatumReader(Schema schema) {
        super(schema, schema, ORDERED_MAPS);
    }
}
