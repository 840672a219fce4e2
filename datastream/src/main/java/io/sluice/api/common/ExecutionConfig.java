package io.sluice.api.common;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.config.ExecutionOptions;
import io.sluice.runtime.state.keyed.StateOptions;
import java.time.Duration;

/** Job settings exposed through {@code env.getConfig()}; they write the job's configuration. */
public class ExecutionConfig implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final transient Configuration config;
    private GlobalJobParameters globalJobParameters = new GlobalJobParameters();

    /**
     * Parameters of the whole job that every function can read ({@code getRuntimeContext().getGlobalJobParameters()}),
     * such as a {@code ParameterTool} of the program's arguments; {@link #toMap()} is what functions see.
     */
    public static class GlobalJobParameters implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /** The parameters as keys and values; none by default. */
        public java.util.Map<String, String> toMap() {
            return java.util.Collections.emptyMap();
        }
    }

    public ExecutionConfig(Configuration config) {
        this.config = config;
    }

    public ExecutionConfig setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("Parallelism must be at least one, was " + parallelism);
        }
        config.set(ExecutionOptions.PARALLELISM, parallelism);
        return this;
    }

    public int getParallelism() {
        return config.get(ExecutionOptions.PARALLELISM);
    }

    public ExecutionConfig setMaxParallelism(int maxParallelism) {
        config.set(StateOptions.MAX_PARALLELISM, maxParallelism);
        return this;
    }

    public int getMaxParallelism() {
        return config.get(StateOptions.MAX_PARALLELISM);
    }

    /** The interval of periodic watermarks; 0 disables them (punctuated watermarks still flow). */
    public ExecutionConfig setAutoWatermarkInterval(long interval) {
        if (interval < 0) {
            throw new IllegalArgumentException("Auto watermark interval must not be negative.");
        }
        config.set(ExecutionOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(interval));
        return this;
    }

    public long getAutoWatermarkInterval() {
        return config.get(ExecutionOptions.AUTO_WATERMARK_INTERVAL).toMillis();
    }

    /** Flink's configuration key of object reuse. */
    static final String OBJECT_REUSE = "pipeline.object-reuse";

    /**
     * Enables object reuse (what {@code RuntimeContext.isObjectReuseEnabled()} reports). Records between chained
     * operators are never copied in Sluice, so object reuse changes nothing else.
     */
    public ExecutionConfig enableObjectReuse() {
        config.setString(OBJECT_REUSE, "true");
        return this;
    }

    public ExecutionConfig disableObjectReuse() {
        config.setString(OBJECT_REUSE, "false");
        return this;
    }

    public boolean isObjectReuseEnabled() {
        return objectReuse(config);
    }

    /** Whether the job configured by {@code config} enabled object reuse. */
    public static boolean objectReuse(Configuration config) {
        String v = config.getString(OBJECT_REUSE);
        return v != null && Boolean.parseBoolean(v.trim());
    }

    /** Sets the parameters every function of the job sees (their {@code toMap()}). */
    public void setGlobalJobParameters(GlobalJobParameters globalJobParameters) {
        if (globalJobParameters == null) {
            throw new NullPointerException("globalJobParameters");
        }
        this.globalJobParameters = globalJobParameters;
        io.sluice.datastream.runtime.JobParameters.write(config, globalJobParameters.toMap());
    }

    /** The parameters set with {@link #setGlobalJobParameters}, or ones without entries. */
    public GlobalJobParameters getGlobalJobParameters() {
        return globalJobParameters;
    }
}
