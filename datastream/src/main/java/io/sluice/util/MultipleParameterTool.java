package io.sluice.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A program's parameters where a key may be given more than once ({@code --input a --input b}):
 * {@link #getMultiParameter} returns all of a key's values, {@link #get} the only one.
 */
public class MultipleParameterTool extends AbstractParameterTool {
    private static final long serialVersionUID = 1L;
    private final Map<String, List<String>> data;

    private MultipleParameterTool(Map<String, ? extends Collection<String>> data) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        data.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
        this.data = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses {@code --key value} and {@code -key value} pairs as {@link ParameterTool#fromArgs} does; each occurrence
     * of a key adds a value ({@link #NO_VALUE_KEY} for a key without one).
     */
    public static MultipleParameterTool fromArgs(String[] args) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        parseArgs(args, (key, value) -> map.computeIfAbsent(key, k -> new ArrayList<>()).add(value));
        return new MultipleParameterTool(map);
    }

    /** The parameters of {@code multiMap}: each key with its values. */
    public static MultipleParameterTool fromMultiMap(Map<String, Collection<String>> multiMap) {
        if (multiMap == null) {
            throw new NullPointerException("Unable to initialize from empty map");
        }
        return new MultipleParameterTool(multiMap);
    }

    @Override
    public int getNumberOfParameters() {
        return data.size();
    }

    /** The only value of {@code key}, or null when it was not given; fails when it was given more than once. */
    @Override
    public String get(String key) {
        addToDefaults(key, null);
        List<String> values = data.get(key);
        if (values == null) {
            return null;
        }
        if (values.size() != 1) {
            throw new IllegalStateException("Key " + key + " should has only one value.");
        }
        return values.get(0);
    }

    /** Every value of {@code key} in the order given, or null when it was not given. */
    public Collection<String> getMultiParameter(String key) {
        addToDefaults(key, null);
        return data.get(key);
    }

    /** Every value of {@code key}; fails when it was not given. */
    public Collection<String> getMultiParameterRequired(String key) {
        Collection<String> values = getMultiParameter(key);
        if (values == null) {
            throw new RuntimeException("No data for required key '" + key + "'");
        }
        return values;
    }

    @Override
    public boolean has(String value) {
        addToDefaults(value, null);
        return data.containsKey(value);
    }

    /** Each key with its values joined by commas. */
    @Override
    public Map<String, String> toMap() {
        Map<String, String> flat = new LinkedHashMap<>();
        data.forEach((k, v) -> flat.put(k, String.join(",", v)));
        return flat;
    }

    /** These parameters and {@code other}'s; a key of both has the values of both, these first. */
    public MultipleParameterTool mergeWith(MultipleParameterTool other) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        data.forEach((k, v) -> merged.put(k, new ArrayList<>(v)));
        other.data.forEach((k, v) -> merged.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        return new MultipleParameterTool(merged);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultipleParameterTool && ((MultipleParameterTool) o).data.equals(data);
    }

    @Override
    public int hashCode() {
        return data.hashCode();
    }
}
