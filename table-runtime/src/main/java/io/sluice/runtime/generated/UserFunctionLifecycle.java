package io.sluice.runtime.generated;

import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.operator.OperatorContext;
import io.sluice.table.api.TableException;
import io.sluice.table.functions.FunctionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens and closes the user-defined functions held by generated classes ({@link UsesUserFunctions}) for the
 * operators that run them: every operator instance opens each of its generated objects once before its first
 * batch and closes them once in {@code close()} (which also runs after failures and cancellation). Objects that
 * hold no functions, and nulls, are skipped, so an operator can pass every generated object it has.
 *
 * <p>The {@link FunctionContext}'s job parameters are the job configuration (every session option, as Flink's
 * planner merged the table configuration into the global job parameters) overlaid with the entries of
 * {@code pipeline.global-job-parameters} (Flink's map syntax {@code k1:v1,k2:v2}; what
 * {@code TableConfig.addJobParameter} writes in Flink), which win on equal keys.
 */
public final class UserFunctionLifecycle {
    /** Flink's option holding explicit global job parameters. */
    public static final String GLOBAL_JOB_PARAMETERS = "pipeline.global-job-parameters";

    private UserFunctionLifecycle() {
    }

    /** The context a function opened under {@code config} sees; {@code loader} is the function's class loader. */
    public static FunctionContext functionContext(Configuration config, ClassLoader loader) {
        return new FunctionContext(jobParameters(config), loader);
    }

    /**
     * The context a function run by the operator instance of {@code context} sees: its metric group is the
     * instance's {@link io.sluice.runtime.metrics.OperatorMetrics#userMetricGroup() user metrics}.
     */
    public static FunctionContext functionContext(OperatorContext context, ClassLoader loader) {
        return new FunctionContext(jobParameters(context.config()), loader, context.metrics().userMetricGroup());
    }

    private static Map<String, String> jobParameters(Configuration config) {
        Map<String, String> parameters = new LinkedHashMap<>(config.toMap());
        String explicit = config.toMap().get(GLOBAL_JOB_PARAMETERS);
        if (explicit != null) {
            parameters.putAll(parseJobParameters(explicit));
        }
        return parameters;
    }

    /** Opens the functions of each generated object for the operator instance of {@code context}. */
    public static void open(OperatorContext context, Object... generated) throws Exception {
        for (Object g : generated) {
            if (g instanceof UsesUserFunctions) {
                ((UsesUserFunctions) g).openFunctions(functionContext(context, g.getClass().getClassLoader()));
            }
        }
    }

    /** As {@link #open(OperatorContext, Object...)}, for operators whose {@code open} declares no checked exception. */
    public static void openUnchecked(OperatorContext context, Object... generated) {
        try {
            open(context, generated);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TableException("opening a user-defined function failed: " + e, e);
        }
    }

    /** Opens the functions of each generated object that holds some (null entries are skipped). */
    public static void open(Configuration config, Object... generated) throws Exception {
        for (Object g : generated) {
            if (g instanceof UsesUserFunctions) {
                ((UsesUserFunctions) g).openFunctions(functionContext(config, g.getClass().getClassLoader()));
            }
        }
    }

    /**
     * Closes the functions of each generated object that holds some; every object is closed even when an earlier
     * one fails, and the first failure is rethrown with the others suppressed.
     */
    public static void close(Object... generated) throws Exception {
        Exception first = null;
        for (Object g : generated) {
            if (g instanceof UsesUserFunctions) {
                try {
                    ((UsesUserFunctions) g).closeFunctions();
                } catch (Exception e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** As {@link #open}, for operators whose {@code open} declares no checked exception. */
    public static void openUnchecked(Configuration config, Object... generated) {
        try {
            open(config, generated);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TableException("opening a user-defined function failed: " + e, e);
        }
    }

    /** As {@link #close}, for operators whose {@code close} declares no checked exception. */
    public static void closeUnchecked(Object... generated) {
        try {
            close(generated);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TableException("closing a user-defined function failed: " + e, e);
        }
    }

    /**
     * Parses Flink's map option syntax: entries separated by commas, key and value by the first colon; a key,
     * value or whole entry may be double-quoted (to hold commas or colons), with {@code ""} for a quote inside.
     */
    public static Map<String, String> parseJobParameters(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : split(text, ',')) {
            if (entry.isBlank()) {
                continue;
            }
            String e = entry.strip();
            List<String> kv = split(unquoteWhole(e), ':');
            if (kv.size() < 2) {
                throw new IllegalArgumentException("Invalid entry '" + e + "' in '" + GLOBAL_JOB_PARAMETERS
                        + "': expected key:value.");
            }
            String value = String.join(":", kv.subList(1, kv.size()));
            map.put(unquote(kv.get(0).strip()), unquote(value.strip()));
        }
        return map;
    }

    /** The value of {@code pipeline.global-job-parameters} holding {@code parameters} (the inverse of parsing). */
    public static String formatJobParameters(Map<String, String> parameters) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            sb.append(sb.length() == 0 ? "" : ",").append(quoteIfNeeded(e.getKey())).append(':')
                    .append(quoteIfNeeded(e.getValue()));
        }
        return sb.toString();
    }

    private static String quoteIfNeeded(String s) {
        if (s.indexOf(',') < 0 && s.indexOf(':') < 0 && s.indexOf('"') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** An entry quoted as a whole ({@code "k2:v1,v2"}) loses its quotes; quoted parts inside are kept. */
    private static String unquoteWhole(String entry) {
        if (entry.length() >= 2 && entry.startsWith("\"") && entry.endsWith("\"")
                && !entry.substring(1, entry.length() - 1).replace("\"\"", "").contains("\"")) {
            String inner = entry.substring(1, entry.length() - 1).replace("\"\"", "\"");
            return inner.contains(",") ? quoteKeyAndValue(inner) : inner;
        }
        return entry;
    }

    /** Re-quotes {@code k:v} so that splitting on ':' keeps a value holding commas (and colons) whole. */
    private static String quoteKeyAndValue(String inner) {
        int colon = inner.indexOf(':');
        if (colon < 0) {
            return inner;
        }
        return inner.substring(0, colon) + ":\"" + inner.substring(colon + 1).replace("\"", "\"\"") + "\"";
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s;
    }

    /** Splits on {@code separator} outside double quotes; quotes are kept in the parts. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (c == separator && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }
}
