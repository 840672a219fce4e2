package io.sluice.sql.parser.ast;

import io.sluice.sql.parser.SluiceSqlLexer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.Vocabulary;

/** Quoting helpers used when unparsing the AST to Flink SQL. */
public final class SqlText {

  private static final Pattern SIMPLE_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> KEYWORDS = computeKeywords();

  private SqlText() {}

  /** Every keyword of the statement grammar, upper-cased. */
  public static Set<String> keywords() {
    return KEYWORDS;
  }

  private static Set<String> computeKeywords() {
    Set<String> words = new HashSet<>();
    Vocabulary vocabulary = SluiceSqlLexer.VOCABULARY;
    for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
      String literal = vocabulary.getLiteralName(type);
      if (literal != null && literal.length() > 2 && Character.isLetter(literal.charAt(1))) {
        words.add(literal.substring(1, literal.length() - 1).toUpperCase(Locale.ROOT));
      }
    }
    return Set.copyOf(words);
  }

  /** Quotes an identifier with back-ticks unless it is a plain word that is not a keyword. */
  public static String identifier(String name) {
    if (SIMPLE_IDENTIFIER.matcher(name).matches()
        && !KEYWORDS.contains(name.toUpperCase(Locale.ROOT))) {
      return name;
    }
    return "`" + name.replace("`", "``") + "`";
  }

  /** A comma-separated, parenthesised identifier list: {@code (a, `b c`)}. */
  public static String identifierList(List<String> names) {
    return names.stream().map(SqlText::identifier).collect(Collectors.joining(", ", "(", ")"));
  }

  /** A single-quoted string literal with {@code '} doubled. */
  public static String string(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** {@code 'k1' = 'v1', 'k2' = 'v2'} in map order, wrapped as {@code (\n  ...\n)}. */
  public static String optionList(Map<String, String> options) {
    if (options.isEmpty()) {
      return "()";
    }
    return options.entrySet().stream()
        .map(e -> "  " + string(e.getKey()) + " = " + string(e.getValue()))
        .collect(Collectors.joining(",\n", "(\n", "\n)"));
  }
}
