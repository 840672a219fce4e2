package io.sluice.connector.kafka;

import io.sluice.table.api.ValidationException;
import java.util.HashMap;
import java.util.Map;

/** Parses Flink's offset lists, {@code partition:0,offset:42;partition:1,offset:300}. */
final class OffsetSpecs {
    private OffsetSpecs() {
    }

    /** Partition number to offset; {@code key} names the option in errors. */
    static Map<Integer, Long> parse(String text, String key, String tableName) {
        Map<Integer, Long> offsets = new HashMap<>();
        if (text == null || text.isBlank()) {
            throw new ValidationException("Table " + tableName + " needs option '" + key + "' for its mode.");
        }
        for (String entry : text.split(";")) {
            String[] parts = entry.trim().split(",");
            if (parts.length != 2 || !parts[0].trim().startsWith("partition:") || !parts[1].trim().startsWith("offset:")) {
                throw new ValidationException("Invalid properties '" + key + "' should follow the format"
                        + " 'partition:0,offset:42;partition:1,offset:300', but is '" + text + "' (table "
                        + tableName + ").");
            }
            try {
                offsets.put(Integer.parseInt(parts[0].trim().substring("partition:".length()).trim()),
                        Long.parseLong(parts[1].trim().substring("offset:".length()).trim()));
            } catch (NumberFormatException e) {
                throw new ValidationException("Invalid number in option '" + key + "': '" + entry + "' (table "
                        + tableName + ").");
            }
        }
        return offsets;
    }
}
