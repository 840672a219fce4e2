package io.sluice.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a SQL script into statements at top-level semicolons.
 *
 * <p>Semicolons inside {@code '...'} strings (with {@code ''} escapes), {@code `...`} identifiers,
 * {@code "..."} literals, {@code --} line comments and {@code /* *}{@code /} block comments do not split.
 * Statements that contain only comments and whitespace are dropped; a last statement without {@code ;} is kept.
 * {@code EXECUTE STATEMENT SET BEGIN ...; ...; END} (and {@code EXPLAIN [EXECUTE] STATEMENT SET ...}) is one
 * statement that ends at the {@code ;} after its {@code END}. The script form {@code BEGIN STATEMENT SET;} ...
 * {@code END;} yields separate statements.
 *
 * <p>Each {@link ScriptStatement} starts at its first significant character (leading comments are skipped) and
 * ends at its last significant character before the {@code ;} (trailing comments and whitespace dropped).
 */
public final class ScriptSplitter {

  private static final int MAX_LEADING_WORDS = 32;

  private final String script;
  private final List<ScriptStatement> result = new ArrayList<>();

  private int pos;
  private int line = 1;
  private int lineStart;

  private int start = -1;
  private int startLine;
  private int startColumn;
  private int end;
  private final List<String> leadingWords = new ArrayList<>();
  private boolean statementSet;
  private boolean afterSemicolon;
  private boolean endSeen;

  private ScriptSplitter(String script) {
    this.script = script;
  }

  /** Splits {@code script} into its statements, in order. */
  public static List<ScriptStatement> split(String script) {
    ScriptSplitter splitter = new ScriptSplitter(script);
    splitter.run();
    return List.copyOf(splitter.result);
  }

  private void run() {
    int n = script.length();
    while (pos < n) {
      char c = script.charAt(pos);
      char next = pos + 1 < n ? script.charAt(pos + 1) : '\0';
      if (Character.isWhitespace(c)) {
        advanceTo(pos + 1);
      } else if (c == '-' && next == '-') {
        int eol = script.indexOf('\n', pos);
        advanceTo(eol < 0 ? n : eol);
      } else if (c == '/' && next == '*') {
        int close = script.indexOf("*/", pos + 2);
        advanceTo(close < 0 ? n : close + 2);
      } else if (c == ';') {
        semicolon();
        advanceTo(pos + 1);
      } else {
        markSignificant();
        if (c == '\'' || c == '`' || c == '"') {
          otherToken();
          advanceTo(endOfQuoted(c));
        } else if (isWordChar(c)) {
          int wordEnd = pos;
          while (wordEnd < n && isWordChar(script.charAt(wordEnd))) {
            wordEnd++;
          }
          word(script.substring(pos, wordEnd).toUpperCase(Locale.ROOT));
          advanceTo(wordEnd);
        } else {
          otherToken();
          advanceTo(pos + 1);
        }
        end = pos;
      }
    }
    if (start >= 0) {
      emit();
    }
  }

  /** Moves to {@code target}, keeping the line count up to date. */
  private void advanceTo(int target) {
    for (int i = pos; i < target; i++) {
      if (script.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    pos = target;
  }

  /** The offset just after the quoted token starting at {@code pos}; doubled quotes are escapes. */
  private int endOfQuoted(char quote) {
    int i = pos + 1;
    int n = script.length();
    while (i < n) {
      if (script.charAt(i) == quote) {
        if (i + 1 < n && script.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return n;
  }

  private void markSignificant() {
    if (start < 0) {
      start = pos;
      startLine = line;
      startColumn = script.codePointCount(lineStart, pos) + 1;
    }
  }

  private void word(String word) {
    if (statementSet) {
      if (afterSemicolon && word.equals("END")) {
        endSeen = true;
      }
      afterSemicolon = false;
    } else if (leadingWords.size() < MAX_LEADING_WORDS) {
      leadingWords.add(word);
    }
  }

  private void otherToken() {
    afterSemicolon = false;
    if (!statementSet && leadingWords.size() < MAX_LEADING_WORDS) {
      leadingWords.add("");
    }
  }

  private void semicolon() {
    if (start < 0) {
      return;
    }
    if (statementSet) {
      if (endSeen) {
        emit();
      } else {
        afterSemicolon = true;
      }
      return;
    }
    if (opensStatementSet()) {
      statementSet = true;
      afterSemicolon = true;
      return;
    }
    emit();
  }

  /**
   * Whether the words before the first {@code ;} are {@code EXECUTE|EXPLAIN ... STATEMENT SET BEGIN <not END>},
   * i.e. the statement continues past this semicolon.
   */
  private boolean opensStatementSet() {
    if (leadingWords.isEmpty()
        || !(leadingWords.get(0).equals("EXECUTE") || leadingWords.get(0).equals("EXPLAIN"))) {
      return false;
    }
    for (int i = 1; i + 2 < leadingWords.size(); i++) {
      if (leadingWords.get(i).equals("STATEMENT")
          && leadingWords.get(i + 1).equals("SET")
          && leadingWords.get(i + 2).equals("BEGIN")) {
        return !(i + 3 < leadingWords.size() && leadingWords.get(i + 3).equals("END"));
      }
    }
    return false;
  }

  private void emit() {
    result.add(new ScriptStatement(script.substring(start, end), startLine, startColumn, start));
    start = -1;
    leadingWords.clear();
    statementSet = false;
    afterSemicolon = false;
    endSeen = false;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
