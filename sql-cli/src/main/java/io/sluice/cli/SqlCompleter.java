package io.sluice.cli;

import io.sluice.table.api.TableEnvironment;
import io.sluice.table.api.TableResult;
import io.sluice.table.api.internal.TableEnvironmentImpl;
import io.sluice.types.Row;
import io.sluice.util.CloseableIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion from the statement typed so far: statement beginnings at the start of a statement, option keys
 * inside the quote after {@code SET}/{@code RESET} (and the values of a few options), table and view names after
 * {@code FROM}, {@code JOIN}, {@code INTO}, {@code TABLE}, {@code DESCRIBE} ..., databases after {@code USE},
 * catalogs after {@code USE CATALOG}, and elsewhere keywords, function names and the columns of the tables the
 * statement names ({@code alias.} completes that table's columns). Names come from the {@link TableEnvironment}
 * when Tab is pressed; a lookup that fails only means fewer candidates.
 */
final class SqlCompleter implements Completer {
    private static final Set<String> BEFORE_TABLE = Set.of("FROM", "JOIN", "INTO", "TABLE", "DESCRIBE", "DESC", "VIEW",
            "LIKE", "UPDATE");
    private static final Map<String, List<String>> OPTION_VALUES = Map.of(
            ResultMode.KEY, List.of("table", "changelog", "tableau"),
            "execution.runtime-mode", List.of("streaming", "batch"),
            "sql-client.verbose", List.of("true", "false"),
            ColorSchema.KEY, ColorSchema.NAMES);

    private final TableEnvironment env;
    private List<String> builtInFunctions;

    SqlCompleter(TableEnvironment env) {
        this.env = env;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> previous = statementWords(line);
        String word = line.word();
        String last = previous.isEmpty() ? "" : previous.get(previous.size() - 1).toUpperCase(Locale.ROOT);
        if (word.startsWith("'")) {
            if (previous.size() == 1 && (last.equals("SET") || last.equals("RESET"))) {
                for (String key : optionKeys()) {
                    candidates.add(new Candidate("'" + key + "'", key, "option", null, null, null, true));
                }
            } else if (previous.size() == 3 && previous.get(0).equalsIgnoreCase("SET") && last.equals("=")) {
                String key = unquote(previous.get(1));
                for (String value : OPTION_VALUES.getOrDefault(key, List.of())) {
                    candidates.add(new Candidate("'" + value + "'", value, "value", null, null, null, false));
                }
            }
            return;
        }
        if (previous.isEmpty()) {
            for (String start : SqlKeywords.STATEMENT_STARTS) {
                candidates.add(new Candidate(start, start, "statement", null, null, null, !start.endsWith(";")));
            }
            return;
        }
        statementContinuations(previous, candidates);
        if (last.equals("USE")) {
            names("SHOW DATABASES", "database", candidates);
            candidates.add(new Candidate("CATALOG", "CATALOG", "keyword", null, null, null, true));
            return;
        }
        if (last.equals("CATALOG") && previous.size() >= 2 && previous.get(0).equalsIgnoreCase("USE")) {
            names("SHOW CATALOGS", "catalog", candidates);
            return;
        }
        if (BEFORE_TABLE.contains(last)) {
            tables(candidates);
            return;
        }
        Map<String, String> tablesByAlias = tablesInStatement(wholeStatement(line));
        int dot = word.lastIndexOf('.');
        if (dot > 0) {
            String qualifier = word.substring(0, dot);
            String table = tablesByAlias.getOrDefault(qualifier, qualifier);
            for (String column : columns(table)) {
                candidates.add(new Candidate(qualifier + "." + quoteIfNeeded(column), column, "column", null, null,
                        null, true));
            }
            return;
        }
        for (String table : new LinkedHashSet<>(tablesByAlias.values())) {
            for (String column : columns(table)) {
                String value = quoteIfNeeded(column);
                candidates.add(new Candidate(value, column, "column", null, null, null, true));
            }
        }
        for (String function : functions()) {
            candidates.add(new Candidate(function, function, "function", null, null, null, false));
        }
        keywords(candidates);
    }

    /** The words of the current statement before the word being completed (after the last {@code ;}). */
    private static List<String> statementWords(ParsedLine line) {
        List<String> words = line.words();
        int start = 0;
        for (int i = 0; i < line.wordIndex(); i++) {
            if (words.get(i).equals(";")) {
                start = i + 1;
            }
        }
        return new ArrayList<>(words.subList(start, line.wordIndex()));
    }

    /** All words of the statement the cursor is in (before and after the cursor), without the word itself. */
    private static List<String> wholeStatement(ParsedLine line) {
        List<String> words = new ArrayList<>(statementWords(line));
        List<String> all = line.words();
        for (int i = line.wordIndex() + 1; i < all.size() && !all.get(i).equals(";"); i++) {
            words.add(all.get(i));
        }
        return words;
    }

    /** After {@code SHOW}, {@code CREATE TEMPORARY}, ...: the rest of the statement beginnings that match. */
    private static void statementContinuations(List<String> previous, List<Candidate> candidates) {
        String typed = String.join(" ", previous).toUpperCase(Locale.ROOT) + " ";
        for (String start : SqlKeywords.STATEMENT_STARTS) {
            if (start.startsWith(typed) && start.length() > typed.length()) {
                String rest = start.substring(typed.length());
                String next = rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest;
                candidates.add(new Candidate(next, next, "statement", null, null, null, !next.endsWith(";")));
            }
        }
    }

    private static void keywords(List<Candidate> candidates) {
        for (String keyword : SqlKeywords.KEYWORDS) {
            candidates.add(new Candidate(keyword, keyword, "keyword", null, null, null, true));
        }
    }

    private void tables(List<Candidate> candidates) {
        try {
            for (String table : env.listTables()) {
                candidates.add(new Candidate(quoteIfNeeded(table), table, "table", null, null, null, true));
            }
        } catch (RuntimeException e) {
            // no candidates from a catalog that cannot be listed
        }
    }

    private void names(String showStatement, String group, List<Candidate> candidates) {
        for (String name : firstColumn(showStatement)) {
            candidates.add(new Candidate(quoteIfNeeded(name), name, group, null, null, null, false));
        }
    }

    private List<String> functions() {
        if (builtInFunctions == null) {
            builtInFunctions = firstColumn("SHOW FUNCTIONS");
        }
        Set<String> all = new LinkedHashSet<>(builtInFunctions);
        try {
            all.addAll(List.of(env.listUserDefinedFunctions()));
        } catch (RuntimeException e) {
            // built-in functions only
        }
        return new ArrayList<>(all);
    }

    private List<String> columns(String table) {
        try {
            return env.from(table).getResolvedSchema().getColumnNames();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private List<String> firstColumn(String statement) {
        List<String> names = new ArrayList<>();
        try {
            TableResult result = env.executeSql(statement);
            try (CloseableIterator<Row> rows = result.collect()) {
                while (rows.hasNext()) {
                    Object value = rows.next().getField(0);
                    if (value != null) {
                        names.add(value.toString());
                    }
                }
            }
        } catch (RuntimeException e) {
            // nothing to offer
        }
        return names;
    }

    private static List<String> optionKeys() {
        try {
            return TableEnvironmentImpl.knownOptionKeys();
        } catch (RuntimeException | LinkageError e) {
            return List.of(ResultMode.KEY, "execution.runtime-mode");
        }
    }

    /** Tables named after FROM/JOIN in the statement, by alias (and by their own name). */
    static Map<String, String> tablesInStatement(List<String> words) {
        Map<String, String> byAlias = new LinkedHashMap<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            String w = words.get(i).toUpperCase(Locale.ROOT);
            if (!w.equals("FROM") && !w.equals("JOIN")) {
                continue;
            }
            String table = words.get(i + 1);
            if (table.equals("(") || SqlKeywords.isKeyword(table)) {
                continue;
            }
            byAlias.put(table, table);
            int a = i + 2;
            if (a < words.size() && words.get(a).equalsIgnoreCase("AS")) {
                a++;
            }
            if (a < words.size() && !SqlKeywords.isKeyword(words.get(a)) && isName(words.get(a))) {
                byAlias.put(words.get(a), table);
            }
        }
        return byAlias;
    }

    private static boolean isName(String word) {
        return !word.isEmpty() && (SqlLexer.isWordChar(word.charAt(0)) || word.charAt(0) == '`');
    }

    /** Backticks around names that are not plain identifiers or that are keywords. */
    static String quoteIfNeeded(String name) {
        boolean plain = !name.isEmpty() && !Character.isDigit(name.charAt(0));
        for (int i = 0; i < name.length() && plain; i++) {
            plain = SqlLexer.isWordChar(name.charAt(i));
        }
        return plain && !SqlKeywords.isKeyword(name) ? name : "`" + name.replace("`", "``") + "`";
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1) : s;
    }
}
