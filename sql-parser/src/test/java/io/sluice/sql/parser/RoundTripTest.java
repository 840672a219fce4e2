package io.sluice.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.sql.parser.ast.ParsedStatement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every statement of {@code roundtrip.sql} must parse to the expected statement class, and unparsing must give
 * text that parses back to an equal statement (and unparses to the same text again).
 */
class RoundTripTest {

  record Entry(String expectedClass, String sql) {}

  static List<Entry> entries() throws IOException {
    String text;
    try (InputStream in = RoundTripTest.class.getResourceAsStream("roundtrip.sql")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Entry> entries = new ArrayList<>();
    String expected = null;
    StringBuilder sql = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("== ")) {
        if (expected != null) {
          entries.add(new Entry(expected, sql.toString().strip()));
        }
        expected = line.substring(3).strip();
        sql.setLength(0);
      } else {
        sql.append(line).append('\n');
      }
    }
    entries.add(new Entry(expected, sql.toString().strip()));
    return entries;
  }

  static Stream<Arguments> statements() throws IOException {
    return entries().stream().map(e -> Arguments.of(e.expectedClass(), e.sql()));
  }

  @Test
  void corpusIsLargeEnough() throws IOException {
    assertTrue(entries().size() >= 100, "only " + entries().size() + " statements");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("statements")
  void parsesAndRoundTrips(String expectedClass, String sql) {
    ParsedStatement parsed = StatementParser.parse(sql);
    assertEquals(expectedClass, parsed.getClass().getSimpleName(), sql);
    String unparsed = parsed.toString();
    ParsedStatement reparsed = StatementParser.parse(unparsed);
    assertEquals(parsed, reparsed, () -> "unparsed:\n" + unparsed);
    assertEquals(parsed.hashCode(), reparsed.hashCode());
    assertEquals(unparsed, reparsed.toString());
  }

  @Test
  void equalityIsStructural() {
    assertEquals(StatementParser.parse("DROP TABLE t"), StatementParser.parse("drop   table\n t"));
    assertNotEquals(StatementParser.parse("DROP TABLE t"), StatementParser.parse("DROP TABLE T"));
    assertNotEquals(StatementParser.parse("DROP TABLE t"), StatementParser.parse("DROP VIEW t"));
    assertNotEquals(StatementParser.parse("SELECT 1"), StatementParser.parse("SELECT  1"));
  }
}
