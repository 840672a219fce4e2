package io.sluice.datastream.runtime;

import io.sluice.runtime.config.Configuration;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The global job parameters ({@code env.getConfig().setGlobalJobParameters(...)}) in a job's configuration, where
 * the functions read them ({@code getRuntimeContext().getGlobalJobParameters()}): one entry holding the map in the
 * properties text format.
 */
public final class JobParameters {
    /** The configuration key of the parameters. */
    static final String KEY = "pipeline.global-job-parameters";

    private JobParameters() {
    }

    /** Writes {@code parameters} into {@code config} (an empty map removes them). */
    public static void write(Configuration config, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            config.remove(KEY);
            return;
        }
        Properties p = new Properties();
        p.putAll(new TreeMap<>(parameters));
        StringWriter text = new StringWriter();
        try {
            p.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.setString(KEY, text.toString());
    }

    /** The parameters in {@code config}; empty when none were set. */
    public static Map<String, String> read(Configuration config) {
        String text = config.getString(KEY);
        if (text == null) {
            return Collections.emptyMap();
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : new TreeMap<>(p).keySet().stream().map(String::valueOf).toList()) {
            out.put(k, p.getProperty(k));
        }
        return Collections.unmodifiableMap(out);
    }
}
