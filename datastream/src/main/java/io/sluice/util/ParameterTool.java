package io.sluice.util;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * A program's parameters: from its arguments ({@code --input /data --parallelism 4 --verbose}), a properties file,
 * a map or the system properties. Set as the job's global parameters
 * ({@code env.getConfig().setGlobalJobParameters(params)}) every function reads them with
 * {@code getRuntimeContext().getGlobalJobParameters()}.
 */
public class ParameterTool extends AbstractParameterTool {
    private static final long serialVersionUID = 1L;
    private final Map<String, String> data;

    private ParameterTool(Map<String, String> data) {
        this.data = Collections.unmodifiableMap(new HashMap<>(data));
    }

    /**
     * Parses {@code --key value} and {@code -key value} pairs; a key followed by another key (or by nothing) gets
     * {@link #NO_VALUE_KEY}; a negative number after a key is its value.
     */
    public static ParameterTool fromArgs(String[] args) {
        Map<String, String> map = new HashMap<>();
        int i = 0;
        while (i < args.length) {
            String key = keyOf(args, i);
            i++;
            if (i >= args.length) {
                map.put(key, NO_VALUE_KEY);
            } else if (isNumber(args[i]) || !args[i].startsWith("-")) {
                map.put(key, args[i]);
                i++;
            } else {
                map.put(key, NO_VALUE_KEY);
            }
        }
        return fromMap(map);
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

    /** The parameters of the properties file at {@code path}. */
    public static ParameterTool fromPropertiesFile(String path) throws IOException {
        return fromPropertiesFile(new File(path));
    }

    /** The parameters of the properties file {@code file}. */
    public static ParameterTool fromPropertiesFile(File file) throws IOException {
        if (!file.exists()) {
            throw new FileNotFoundException("Properties file " + file.getAbsolutePath() + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file.toPath())) {
            return fromPropertiesFile(in);
        }
    }

    /** The parameters of the properties text {@code inputStream} holds. */
    public static ParameterTool fromPropertiesFile(InputStream inputStream) throws IOException {
        Properties props = new Properties();
        props.load(inputStream);
        return fromMap(toMap(props));
    }

    /** The parameters of {@code map}. */
    public static ParameterTool fromMap(Map<String, String> map) {
        Objects.requireNonNull(map, "Unable to initialize from empty map");
        return new ParameterTool(map);
    }

    /** The JVM's system properties. */
    public static ParameterTool fromSystemProperties() {
        return fromMap(toMap(System.getProperties()));
    }

    private static Map<String, String> toMap(Properties props) {
        Map<String, String> map = new HashMap<>();
        for (String k : props.stringPropertyNames()) {
            map.put(k, props.getProperty(k));
        }
        return map;
    }

    @Override
    public int getNumberOfParameters() {
        return data.size();
    }

    @Override
    public String get(String key) {
        addToDefaults(key, null);
        return data.get(key);
    }

    @Override
    public boolean has(String value) {
        addToDefaults(value, null);
        return data.containsKey(value);
    }

    /** The parameters as a Sluice {@code Configuration}. */
    public io.sluice.configuration.Configuration getConfiguration() {
        io.sluice.configuration.Configuration conf = new io.sluice.configuration.Configuration();
        data.forEach(conf::setString);
        return conf;
    }

    /** The parameters as {@link Properties}. */
    public Properties getProperties() {
        Properties props = new Properties();
        props.putAll(data);
        return props;
    }

    /** Writes the parameters to the properties file {@code pathToFile}; fails if it exists. */
    public void createPropertiesFile(String pathToFile) throws IOException {
        createPropertiesFile(pathToFile, false);
    }

    /** Writes the parameters to the properties file {@code pathToFile}, replacing it when {@code overwrite}. */
    public void createPropertiesFile(String pathToFile, boolean overwrite) throws IOException {
        File file = new File(pathToFile);
        if (file.exists() && !overwrite) {
            throw new RuntimeException("File " + pathToFile + " exists and overwriting is not allowed");
        }
        try (java.io.OutputStream out = Files.newOutputStream(file.toPath())) {
            getProperties().store(out, "Generated by Sluice's ParameterTool");
        }
    }

    /** These parameters and {@code other}'s; where both have a key, {@code other}'s value. */
    public ParameterTool mergeWith(ParameterTool other) {
        Map<String, String> merged = new HashMap<>(data);
        merged.putAll(other.data);
        return new ParameterTool(merged);
    }

    @Override
    public Map<String, String> toMap() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterTool && ((ParameterTool) o).data.equals(data);
    }

    @Override
    public int hashCode() {
        return data.hashCode();
    }
}
