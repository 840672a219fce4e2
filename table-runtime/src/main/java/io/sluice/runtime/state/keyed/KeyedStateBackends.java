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

    /** A backend of the configured type for one operator instance. */
    public static <K> KeyedStateBackend<K> create(Configuration config, StateSerializer<K> keySerializer,
            KeyGroupRange range, String operatorId) {
        String type = config.get(StateOptions.BACKEND_TYPE).trim().toLowerCase(java.util.Locale.ROOT);
        int maxParallelism = config.get(StateOptions.MAX_PARALLELISM);
        if (type.equals("hashmap") || type.equals("heap")) {
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
