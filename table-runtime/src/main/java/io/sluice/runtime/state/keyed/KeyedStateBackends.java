package io.sluice.runtime.state.keyed;

import io.sluice.runtime.config.Configuration;
import io.sluice.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Chooses the keyed-state backend named by {@code state.backend.type}. */
public final class KeyedStateBackends {
    private KeyedStateBackends() {
    }

    /**
     * Whether {@code state.backend.type} names the heap backend ({@code hashmap}, or {@code heap}). SQL operators
     * keep their state in their own heap tables then, and in the keyed-state backend otherwise.
     */
    public static boolean isHeap(Configuration config) {
        String type = type(config);
        return type.equals("hashmap") || type.equals("heap");
    }

    private static String type(Configuration config) {
        return config.get(StateOptions.BACKEND_TYPE).trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** A backend of the configured type for one operator instance. */
    public static <K> KeyedStateBackend<K> create(Configuration config, StateSerializer<K> keySerializer,
            KeyGroupRange range, String operatorId) {
        String type = type(config);
        int maxParallelism = config.get(StateOptions.MAX_PARALLELISM);
        if (isHeap(config)) {
            return new HeapKeyedStateBackend<>(keySerializer, maxParallelism, range);
        }
        List<String> known = new ArrayList<>(List.of("hashmap"));
        for (KeyedStateBackendFactory f : ServiceLoader.load(KeyedStateBackendFactory.class,
                KeyedStateBackends.class.getClassLoader())) {
            if (f.type().equals(type)) {
                return f.create(keySerializer, maxParallelism, range, config, operatorId);
            }
            known.add(f.type());
        }
        throw new ValidationException("Unknown state.backend.type '" + type + "'; available: "
                + String.join(", ", known));
    }
}
