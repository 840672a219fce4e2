package io.sluice.python;

import java.util.HashMap;
import java.util.Map;

/** The Java objects a Python process holds, by the numbers it refers to them with. */
final class Handles {
    private final Map<Long, Object> objects = new HashMap<>();
    private long next = 1;

    long put(Object o) {
        long id = next++;
        objects.put(id, o);
        return id;
    }

    Object get(long id) {
        Object o = objects.get(id);
        if (o == null) {
            throw new IllegalArgumentException("unknown object handle " + id + " (already released?)");
        }
        return o;
    }

    void release(long id) {
        objects.remove(id);
    }
}
