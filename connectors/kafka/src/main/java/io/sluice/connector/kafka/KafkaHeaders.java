package io.sluice.connector.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.table.api.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The {@code headers} metadata of Kafka records, in Flink's type {@code MAP<STRING, BYTES>} (header key to the
 * header's bytes) or, when a column is declared STRING, as a JSON object from header key to header value, each value
 * the UTF-8 text of the header's bytes (JSON null for a header without value). Reading: when a key repeats, the
 * last value is kept.
 */
final class KafkaHeaders {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KafkaHeaders() {
    }

    /** The headers of a record as a map (empty when it has none), as Flink reads them. */
    static Map<String, byte[]> toMap(Headers headers) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (Header h : headers) {
            map.put(h.key(), h.value());
        }
        return map;
    }

    /** Headers from a map column's value (null: no headers); a null map value is a header without value. */
    static Headers fromMap(Map<?, ?> map) {
        RecordHeaders headers = new RecordHeaders();
        if (map != null) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getKey() != null) {
                    headers.add(e.getKey().toString(), (byte[]) e.getValue());
                }
            }
        }
        return headers;
    }

    /** The headers of a record as a JSON object, or null when it has none. */
    static String toJson(Headers headers) {
        Header[] all = headers.toArray();
        if (all.length == 0) {
            return null;
        }
        ObjectNode o = JSON.createObjectNode();
        for (Header h : all) {
            if (h.value() == null) {
                o.putNull(h.key());
            } else {
                o.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
        }
        return o.toString();
    }

    /** Parses a column value written as {@link #toJson}; null or an empty object gives no headers. */
    static Headers fromJson(String json, String tableName) {
        RecordHeaders headers = new RecordHeaders();
        if (json == null) {
            return headers;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ValidationException("The 'headers' metadata of a row written to table " + tableName
                    + " is not a JSON object of header names to string values: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw new ValidationException("The 'headers' metadata of a row written to table " + tableName
                    + " must be a JSON object of header names to string values, but is: " + json);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            headers.add(e.getKey(), v.isNull() ? null
                    : (v.isTextual() ? v.textValue() : v.toString()).getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }
}
