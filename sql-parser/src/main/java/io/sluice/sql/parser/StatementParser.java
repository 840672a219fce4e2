package io.sluice.sql.parser;

import io.sluice.sql.parser.ast.ParsedStatement;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import io.sluice.sql.parser.ast.SqlPosition;

/**
 * Parses one Flink SQL statement (see {@link ScriptSplitter} for scripts) into the AST of
 * {@link io.sluice.sql.parser.ast}. Stateless and thread-safe.
 */
public final class StatementParser {

  private StatementParser() {}

  /**
   * Parses one statement; a single trailing {@code ;} is allowed. Positions in the result and in a thrown
   * {@link SqlParseException} are 1-based and relative to {@code statementText}.
   *
   * @throws SqlParseException if the text is not exactly one valid statement
   */
  public static ParsedStatement parse(String statementText) {
    CharStream input = CharStreams.fromString(statementText);
    SluiceSqlLexer lexer = new SluiceSqlLexer(input);
    lexer.removeErrorListeners();
    lexer.addErrorListener(ThrowingListener.INSTANCE);
    SluiceSqlParser parser = new SluiceSqlParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.addErrorListener(ThrowingListener.INSTANCE);
    parser.setErrorHandler(new SyntaxErrors());
    return new AstBuilder(input).build(parser.singleStatement());
  }

  /**
   * Parses a statement cut out of a script. AST positions stay relative to the statement text (use
   * {@link ScriptStatement#toScriptPosition}); a thrown exception's position is already moved into the script.
   */
  public static ParsedStatement parse(ScriptStatement statement) {
    try {
      return parse(statement.text());
    } catch (SqlParseException e) {
      throw e.relativeTo(statement.position());
    }
  }

  /** Turns any error ANTLR reports through listeners into an exception (its default only prints). */
  private static final class ThrowingListener extends BaseErrorListener {
    static final ThrowingListener INSTANCE = new ThrowingListener();

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
        int charPositionInLine, String msg, RecognitionException e) {
      throw SqlParseException.at(new SqlPosition(Math.max(1, line), charPositionInLine + 1),
          "Syntax error: " + msg);
    }
  }
}
