package io.sluice.sql.parser;

import io.sluice.sql.parser.ast.SqlPosition;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
* Reads the {@code /*+ OPTIONS('k' = 'v', ...) *}{@code /} hint that follows the target table of an INSERT (a
* comment to this grammar): the options override and extend the table's for that one statement, as Flink's dynamic
* table options do. Other hints there are left alone, as Flink leaves hints it does not know.
*/
final class TableHintOptions {
  private final String text;
  private final SqlPosition position;
  private int at;

  private TableHintOptions(String text, SqlPosition position) {
    this.text = text;
    this.position = position;
  }

  /**
  * The options of the {@code OPTIONS} hints in {@code hintText} (the text from {@code /*+} to its {@code *}
  * {@code /}); empty when there is none.
  */
  static Map<String, String> parse(String hintText, SqlPosition position) {
    return new TableHintOptions(hintText, position).hints();
  }

  private Map<String, String> hints() {
    Map<String, String> options = new LinkedHashMap<>();
    at = text.indexOf("/*+") + 3;
    int end = text.lastIndexOf("*/");
    while (true) {
      skipSpaces();
      if (at >= end) {
        return options;
      }
      int nameStart = at;
      while (at < end && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
        at++;
      }
      String name = text.substring(nameStart, at);
      if (name.isEmpty()) {
        throw error("a hint name");
      }
      skipSpaces();
      int close = at;
      if (at < end && text.charAt(at) == '(') {
        close = text.indexOf(')', at);
        if (!name.toUpperCase(Locale.ROOT).equals("OPTIONS")) {
          at = close < 0 ? end : close + 1;
        } else {
          at++;
          options.putAll(keyValues(end));
        }
      } else if (name.toUpperCase(Locale.ROOT).equals("OPTIONS")) {
        throw error("'(' after OPTIONS");
      }
      skipSpaces();
      if (at < end && text.charAt(at) == ',') {
        at++;
      }
    }
  }

  private Map<String, String> keyValues(int end) {
    Map<String, String> kv = new LinkedHashMap<>();
    while (true) {
      skipSpaces();
      if (at < end && text.charAt(at) == ')') {
        at++;
        if (kv.isEmpty()) {
          throw SqlParseException.at(position, "Hint [OPTIONS] only support non empty key value options");
        }
        return kv;
      }
      if (!kv.isEmpty()) {
        expect(',', end);
      }
      String key = string(end);
      skipSpaces();
      expect('=', end);
      String value = string(end);
      kv.put(key, value);
    }
  }

  private void expect(char c, int end) {
    skipSpaces();
    if (at >= end || text.charAt(at) != c) {
      throw error("'" + c + "'");
    }
    at++;
  }

  private String string(int end) {
    skipSpaces();
    if (at >= end || text.charAt(at) != '\'') {
      throw error("a string literal ('key' = 'value')");
    }
    StringBuilder sb = new StringBuilder();
    at++;
    while (at < end) {
      char c = text.charAt(at++);
      if (c == '\'') {
        if (at < end && text.charAt(at) == '\'') {
          sb.append('\'');
          at++;
        } else {
          return sb.toString();
        }
      } else {
        sb.append(c);
      }
    }
    throw error("the end of a string literal");
  }

  private void skipSpaces() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private SqlParseException error(String expected) {
    return SqlParseException.at(position, "Malformed OPTIONS hint " + text.strip() + ": expected " + expected);
  }
}
