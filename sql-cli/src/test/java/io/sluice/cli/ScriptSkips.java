package io.sluice.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A list of script statements whose output is not compared, each with its reason, read from a text file kept in the
 * repository. Lines are tab-separated: {@code script  number  statement-start  reason}, where {@code number} is the
 * statement's position in its script (1 for the first statement; {@code *} for every statement of the script;
 * {@code N:error} for a statement that must still fail although its message is not compared),
 * {@code statement-start} is how the statement begins (case and runs of blanks ignored; {@code *} with a number of
 * {@code *}), checked so that an entry cannot silently point at another statement when the script changes, and
 * {@code reason} is the reason or {@code @NAME} of a reason defined on a line {@code @NAME  text}. Lines starting with
 * {@code #} and blank lines are comments.
 */
final class ScriptSkips {
    /**
     * One listed statement (or, with {@code number} 0, every statement of its script); {@code mustFail}: the
     * statement must still fail, only its message is not compared.
     */
    record Entry(String script, int number, boolean mustFail, String statementStart, String reason, int line) {
        boolean wholeScript() {
            return number == 0;
        }
    }

    private final List<Entry> entries;

    private ScriptSkips(List<Entry> entries) {
        this.entries = entries;
    }

    static ScriptSkips none() {
        return new ScriptSkips(List.of());
    }

    static ScriptSkips read(Path file) throws IOException {
        Map<String, String> reasons = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t+");
            if (line.startsWith("@")) {
                if (parts.length != 2) {
                    throw new IOException(file + ":" + (i + 1) + ": expected '@NAME<tab>reason'");
                }
                reasons.put(parts[0], parts[1].strip());
                continue;
            }
            if (parts.length != 4) {
                throw new IOException(file + ":" + (i + 1) + ": expected 'script<tab>number<tab>statement start"
                        + "<tab>reason', got " + parts.length + " fields");
            }
            String reason = parts[3].strip();
            if (reason.startsWith("@")) {
                String defined = reasons.get(reason);
                if (defined == null) {
                    throw new IOException(file + ":" + (i + 1) + ": reason " + reason + " is not defined above");
                }
                reason = defined;
            }
            boolean mustFail = parts[1].endsWith(":error");
            String n = mustFail ? parts[1].substring(0, parts[1].length() - ":error".length()) : parts[1];
            int number = n.equals("*") ? 0 : Integer.parseInt(n);
            entries.add(new Entry(parts[0], number, mustFail, normalize(parts[2]), reason, i + 1));
        }
        return new ScriptSkips(entries);
    }

    /** The entry for statement {@code number} (1-based) of {@code script}, or null. */
    Entry find(String script, int number) {
        for (Entry e : entries) {
            if (e.script.equals(script) && (e.number == number || e.wholeScript())) {
                return e;
            }
        }
        return null;
    }

    /** The entries of one script. */
    List<Entry> of(String script) {
        return entries.stream().filter(e -> e.script.equals(script)).toList();
    }

    /** True when the statement begins as the entry says (always for a whole-script entry). */
    static boolean startsAsListed(Entry e, String statement) {
        return e.wholeScript() || normalize(statement).startsWith(e.statementStart);
    }

    static String normalize(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
