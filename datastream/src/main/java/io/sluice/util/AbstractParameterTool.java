package io.sluice.util;

import io.sluice.api.common.ExecutionConfig;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Typed access to string parameters (program arguments, properties); it remembers which keys were asked for, so
 * {@link #getUnrequestedParameters()} names the parameters a program never used.
 */
public abstract class AbstractParameterTool extends ExecutionConfig.GlobalJobParameters {
    private static final long serialVersionUID = 1L;
    /** The value of a key given without one ({@code --verbose}). */
    public static final String NO_VALUE_KEY = "__NO_VALUE_KEY";
    /** The text of a default that was not given. */
    protected static final String DEFAULT_UNDEFINED = "<undefined>";

    /** The keys asked for so far. */
    protected transient Set<String> unrequestedParameters;

    /** The number of parameters. */
    public abstract int getNumberOfParameters();

    /** The value of {@code key}, or null. */
    public abstract String get(String key);

    /** Whether {@code key} was given (with or without a value). */
    public abstract boolean has(String value);

    @Override
    public abstract Map<String, String> toMap();

    /** Notes that {@code key} was asked for. */
    protected void addToDefaults(String key, String value) {
        requested().add(key);
    }

    private Set<String> requested() {
        if (unrequestedParameters == null) {
            unrequestedParameters = ConcurrentHashMap.newKeySet();
        }
        return unrequestedParameters;
    }

    /** The keys no getter asked for yet. */
    public Set<String> getUnrequestedParameters() {
        Set<String> left = new HashSet<>(toMap().keySet());
        left.removeAll(requested());
        return Collections.unmodifiableSet(left);
    }

    /** The value of {@code key}; fails when it was not given. */
    public String getRequired(String key) {
        addToDefaults(key, null);
        String value = get(key);
        if (value == null) {
            throw new RuntimeException("No data for required key '" + key + "'");
        }
        return value;
    }

    /** The value of {@code key}, or {@code defaultValue}. */
    public String get(String key, String defaultValue) {
        addToDefaults(key, defaultValue);
        String value = get(key);
        return value == null ? defaultValue : value;
    }

    public int getInt(String key) {
        return Integer.parseInt(getRequired(key));
    }

    public int getInt(String key, int defaultValue) {
        String value = get(key, null);
        return value == null ? defaultValue : Integer.parseInt(value);
    }

    public long getLong(String key) {
        return Long.parseLong(getRequired(key));
    }

    public long getLong(String key, long defaultValue) {
        String value = get(key, null);
        return value == null ? defaultValue : Long.parseLong(value);
    }

    public float getFloat(String key) {
        return Float.parseFloat(getRequired(key));
    }

    public float getFloat(String key, float defaultValue) {
        String value = get(key, null);
        return value == null ? defaultValue : Float.parseFloat(value);
    }

    public double getDouble(String key) {
        return Double.parseDouble(getRequired(key));
    }

    public double getDouble(String key, double defaultValue) {
        String value = get(key, null);
        return value == null ? defaultValue : Double.parseDouble(value);
    }

    /** {@code true} for "true" (any case), else false. */
    public boolean getBoolean(String key) {
        return Boolean.parseBoolean(getRequired(key));
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String value = get(key, null);
        return value == null ? defaultValue : Boolean.parseBoolean(value);
    }

    public short getShort(String key) {
        return Short.parseShort(getRequired(key));
    }

    public short getShort(String key, short defaultValue) {
        String value = get(key, null);
        return value == null ? defaultValue : Short.parseShort(value);
    }

    public byte getByte(String key) {
        return Byte.parseByte(getRequired(key));
    }

    public byte getByte(String key, byte defaultValue) {
        String value = get(key, null);
        return value == null ? defaultValue : Byte.parseByte(value);
    }

    /**
     * Parses {@code --key value} and {@code -key value} pairs, handing each key and its value to {@code put}: a key
     * followed by another key (or by nothing) gets {@link #NO_VALUE_KEY}; a negative number after a key is its value.
     */
    static void parseArgs(String[] args, java.util.function.BiConsumer<String, String> put) {
        int i = 0;
        while (i < args.length) {
            String key = keyOf(args, i);
            i++;
            if (i >= args.length) {
                put.accept(key, NO_VALUE_KEY);
            } else if (isNumber(args[i]) || !args[i].startsWith("-")) {
                put.accept(key, args[i]);
                i++;
            } else {
                put.accept(key, NO_VALUE_KEY);
            }
        }
    }

    private static String keyOf(String[] args, int i) {
        String arg = args[i];
        String key;
        if (arg.startsWith("--")) {
            key = arg.substring(2);
        } else if (arg.startsWith("-")) {
            key = arg.substring(1);
        } else {
            throw new IllegalArgumentException("Error parsing arguments '" + String.join(" ", args) + "' on '" + arg
                    + "'. Please prefix keys with -- or -.");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("The input " + String.join(" ", args) + " contains an empty argument");
        }
        return key;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
