package io.sluice.codegen.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * LIKE, SIMILAR TO and REGEXP_* kernels. Constant patterns are translated once at code generation
 * ({@link #likeToRegex}, {@link #similarToRegex}); non-constant ones go through a small per-thread cache.
 */
public final class PatternRuntime {
    private static final int CACHE_SIZE = 64;
    private static final ThreadLocal<Map<String, Pattern>> CACHE = ThreadLocal.withInitial(
            () -> new LinkedHashMap<String, Pattern>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    private PatternRuntime() {
    }

    /** Translates a SQL LIKE pattern into a Java regex; {@code escape} is 0 when there is none. */
    public static String likeToRegex(String pattern, char escape) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < pattern.length(); k++) {
            char c = pattern.charAt(k);
            if (escape != 0 && c == escape) {
                if (k + 1 >= pattern.length()) {
                    throw new IllegalArgumentException("Invalid escape sequence '" + pattern + "', " + k);
                }
                char next = pattern.charAt(++k);
                if (next != '_' && next != '%' && next != escape) {
                    throw new IllegalArgumentException("Invalid escape sequence '" + pattern + "', " + k);
                }
                sb.append(Pattern.quote(String.valueOf(next)));
            } else if (c == '%') {
                sb.append(".*");
            } else if (c == '_') {
                sb.append('.');
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    /** Translates a SQL SIMILAR TO pattern into a Java regex. */
    public static String similarToRegex(String pattern, char escape) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < pattern.length(); k++) {
            char c = pattern.charAt(k);
            if (escape != 0 && c == escape) {
                if (k + 1 >= pattern.length()) {
                    throw new IllegalArgumentException("Invalid escape sequence '" + pattern + "', " + k);
                }
                sb.append(Pattern.quote(String.valueOf(pattern.charAt(++k))));
            } else if (c == '%') {
                sb.append(".*");
            } else if (c == '_') {
                sb.append('.');
            } else if (c == '.' || c == '\\' || c == '^' || c == '$') {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public static Pattern compileLike(String pattern, char escape) {
        return Pattern.compile(likeToRegex(pattern, escape), Pattern.DOTALL);
    }

    public static Pattern compileSimilar(String pattern, char escape) {
        return Pattern.compile(similarToRegex(pattern, escape), Pattern.DOTALL);
    }

    public static boolean matches(Pattern p, String s) {
        return p.matcher(s).matches();
    }

    /** LIKE with a pattern computed per row. */
    public static boolean like(String s, String pattern, String escape) {
        char esc = escape == null || escape.isEmpty() ? 0 : escape.charAt(0);
        return cached("L" + esc + pattern, pattern, esc, true).matcher(s).matches();
    }

    /** SIMILAR TO with a pattern computed per row. */
    public static boolean similar(String s, String pattern, String escape) {
        char esc = escape == null || escape.isEmpty() ? 0 : escape.charAt(0);
        return cached("S" + esc + pattern, pattern, esc, false).matcher(s).matches();
    }

    private static Pattern cached(String key, String pattern, char esc, boolean like) {
        Map<String, Pattern> m = CACHE.get();
        Pattern p = m.get(key);
        if (p == null) {
            p = like ? compileLike(pattern, esc) : compileSimilar(pattern, esc);
            m.put(key, p);
        }
        return p;
    }

    /** A compiled Java regex, or null when the regex is invalid (Flink then returns NULL). */
    public static Pattern regex(String regex) {
        Map<String, Pattern> m = CACHE.get();
        String key = "R" + regex;
        Pattern p = m.get(key);
        if (p == null) {
            try {
                p = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                return null;
            }
            m.put(key, p);
        }
        return p;
    }

    /** REGEXP_EXTRACT: group {@code index} (0 = whole match) of the first match, or NULL. */
    public static String regexpExtract(String s, Pattern p, long index) {
        if (p == null) {
            return null;
        }
        Matcher m = p.matcher(s);
        if (!m.find() || index < 0 || index > m.groupCount()) {
            return null;
        }
        return m.group((int) index);
    }

    /**
     * A string that every match of the Java regex {@code regex} (compiled without flags) contains, found
     * conservatively (the longest run of plain ASCII characters outside groups, classes and quantifiers, in a regex
     * with no top-level alternation and no {@code (?} construct), or null when none of at least two characters is
     * found. A text that does not contain it has no match, so a search can be skipped.
     */
    public static String requiredLiteral(String regex) {
        if (regex.contains("(?") || regex.contains("\\Q")) {
            return null; // inline flags, look-arounds, quoting: not analysed
        }
        String best = null;
        StringBuilder run = new StringBuilder();
        int depth = 0;
        for (int k = 0; k < regex.length(); k++) {
            char c = regex.charAt(k);
            if (c == '\\') { // an escape of one character: ends the run; longer escapes are not analysed
                best = longer(best, run);
                char e = ++k < regex.length() ? regex.charAt(k) : 'x';
                if (Character.isLetterOrDigit(e) && "dDsSwWbBAzZGhHvVRXtnrfae".indexOf(e) < 0) {
                    return null;
                }
            } else if (c == '[') { // a class: skipped to its end
                best = longer(best, run);
                if (k + 1 < regex.length() && regex.charAt(k + 1) == '^') {
                    k++;
                }
                if (k + 1 < regex.length() && regex.charAt(k + 1) == ']') {
                    return null; // a class starting with ']': not analysed
                }
                int nested = 0;
                for (k++; k < regex.length(); k++) {
                    char d = regex.charAt(k);
                    if (d == '\\') {
                        k++;
                    } else if (d == '[') {
                        nested++;
                    } else if (d == ']' && nested-- == 0) {
                        break;
                    }
                }
            } else if (c == '(') {
                best = longer(best, run);
                depth++;
            } else if (c == ')') {
                best = longer(best, run);
                depth--;
            } else if (c == '|') {
                if (depth == 0) {
                    return null; // top-level alternatives: nothing is required of every match
                }
            } else if (c == '*' || c == '?' || c == '+' || c == '{') { // the previous item is optional/repeated
                if (run.length() > 0) {
                    run.setLength(run.length() - 1);
                }
                best = longer(best, run);
                if (c == '{') {
                    int close = regex.indexOf('}', k);
                    if (close < 0) {
                        return null;
                    }
                    k = close;
                }
            } else if (depth == 0 && c < 0x80 && (Character.isLetterOrDigit(c) || PLAIN.indexOf(c) >= 0)) {
                run.append(c);
            } else {
                best = longer(best, run);
            }
        }
        best = longer(best, run);
        return best;
    }

    /** ASCII characters besides letters and digits that stand for themselves outside a class (no flags). */
    private static final String PLAIN = "_=,;:'\"/@#%&!~- `";

    private static String longer(String best, StringBuilder run) {
        String r = run.length() >= 2 && (best == null || run.length() > best.length()) ? run.toString() : best;
        run.setLength(0);
        return r;
    }

    /** REGEXP_EXTRACT with a matcher of the constant regex, reset to {@code s}. */
    public static String regexpExtract(CharSequence s, Matcher m, long index) {
        m.reset(s);
        if (!m.find() || index < 0 || index > m.groupCount()) {
            return null;
        }
        return m.group((int) index);
    }

    /** REGEXP_REPLACE: every match of {@code p} replaced; NULL for an invalid regex or replacement. */
    public static String regexpReplace(String s, Pattern p, String replacement) {
        if (p == null) {
            return null;
        }
        try {
            return p.matcher(s).replaceAll(replacement);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
