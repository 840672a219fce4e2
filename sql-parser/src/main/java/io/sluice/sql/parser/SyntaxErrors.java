package io.sluice.sql.parser;

import io.sluice.sql.parser.ast.SqlPosition;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Error handling for the generated parser: the first syntax error becomes a {@link SqlParseException} in
 * Flink's style ({@code Encountered "X" at line L, column C. Was expecting one of: ...}); ANTLR's token
 * insertion/deletion recovery is switched off.
 */
final class SyntaxErrors extends DefaultErrorStrategy {

  /** At most this many expected tokens are listed; more are shown as {@code ...}. */
  static final int MAX_EXPECTED = 8;

  private static final int MAX_TOKEN_TEXT = 40;

  /** Statement keywords listed first when a statement is expected. */
  private static final int[] PREFERRED = {
    SluiceSqlParser.SELECT, SluiceSqlParser.INSERT, SluiceSqlParser.CREATE, SluiceSqlParser.DROP,
    SluiceSqlParser.ALTER, SluiceSqlParser.SET, SluiceSqlParser.SHOW, SluiceSqlParser.EXPLAIN, SluiceSqlParser.EXECUTE,
  };

  @Override
  public void reportError(Parser recognizer, RecognitionException e) {
    Token offending = e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken();
    IntervalSet expected;
    try {
      expected = e.getExpectedTokens();
    } catch (RuntimeException ignored) {
      expected = recognizer.getExpectedTokens();
    }
    throw unexpected(recognizer, offending, expected);
  }

  @Override
  public void recover(Parser recognizer, RecognitionException e) {
    reportError(recognizer, e);
  }

  @Override
  protected Token singleTokenDeletion(Parser recognizer) {
    return null;
  }

  @Override
  protected boolean singleTokenInsertion(Parser recognizer) {
    return false;
  }

  /** The exception for {@code offending} when one of {@code expected} was required. */
  static SqlParseException unexpected(Parser recognizer, Token offending, IntervalSet expected) {
    SqlPosition position = positionOf(offending);
    String text = offending.getType() == Token.EOF ? "<EOF>" : abbreviate(offending.getText());
    if (offending.getType() == SluiceSqlLexer.UNTERMINATED_STRING) {
      return SqlParseException.at(position, "Lexical error: unterminated string literal");
    }
    if (offending.getType() == SluiceSqlLexer.UNTERMINATED_QUOTED_IDENTIFIER) {
      return SqlParseException.at(position, "Lexical error: unterminated quoted identifier");
    }
    if (offending.getType() == SluiceSqlLexer.UNTERMINATED_BLOCK_COMMENT) {
      return SqlParseException.at(position, "Lexical error: unterminated comment");
    }
    List<String> names = expectedNames(recognizer.getATN(), expected);
    String after = names.isEmpty() ? "." : ". Was expecting one of: " + String.join(", ", names);
    return new SqlParseException("Encountered \"" + text + "\" at ", after, position);
  }

  /** The 1-based position of a token. */
  static SqlPosition positionOf(Token token) {
    return new SqlPosition(Math.max(1, token.getLine()), token.getCharPositionInLine() + 1);
  }

  private static List<String> expectedNames(ATN atn, IntervalSet expected) {
    IntervalSet set = new IntervalSet(expected);
    if (set.contains(SluiceSqlLexer.ANY_CHAR)) {
      // Only the pass-through rules match arbitrary tokens. A query runs up to ';', an expression is needed.
      List<String> names = new ArrayList<>();
      names.add(set.contains(SluiceSqlLexer.SEMICOLON) ? "\";\"" : "<EXPRESSION>");
      return names;
    }
    if (set.contains(SluiceSqlLexer.IDENTIFIER)) {
      set = set.subtract(atn.nextTokens(atn.ruleToStartState[SluiceSqlParser.RULE_nonReserved]));
    }
    List<Integer> ordered = new ArrayList<>();
    for (int type : PREFERRED) {
      if (set.contains(type)) {
        ordered.add(type);
      }
    }
    for (int type : set.toList()) {
      if (type > 0 && !ordered.contains(type) && !isCategory(type)) {
        ordered.add(type);
      }
    }
    for (int type : set.toList()) {
      if (isCategory(type) || type == Token.EOF) {
        ordered.add(type);
      }
    }
    List<String> names = new ArrayList<>();
    for (int type : ordered) {
      String name = displayName(type);
      if (name == null) {
        continue;
      }
      if (names.size() == MAX_EXPECTED) {
        names.add("...");
        break;
      }
      names.add(name);
    }
    return names;
  }

  private static boolean isCategory(int type) {
    return SluiceSqlLexer.VOCABULARY.getLiteralName(type) == null;
  }

  private static String displayName(int type) {
    switch (type) {
      case Token.EOF:
        return "<EOF>";
      case SluiceSqlLexer.IDENTIFIER:
        return "<IDENTIFIER>";
      case SluiceSqlLexer.QUOTED_IDENTIFIER:
        return "<QUOTED_IDENTIFIER>";
      case SluiceSqlLexer.STRING:
        return "<QUOTED_STRING>";
      case SluiceSqlLexer.INTEGER_VALUE:
        return "<UNSIGNED_INTEGER_LITERAL>";
      case SluiceSqlLexer.DECIMAL_VALUE:
        return "<DECIMAL_NUMERIC_LITERAL>";
      default:
        String literal = SluiceSqlLexer.VOCABULARY.getLiteralName(type);
        return literal == null ? null : "\"" + literal.substring(1, literal.length() - 1) + "\"";
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= MAX_TOKEN_TEXT ? text : text.substring(0, MAX_TOKEN_TEXT) + "...";
  }
}
