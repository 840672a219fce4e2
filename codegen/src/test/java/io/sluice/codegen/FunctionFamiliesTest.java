package io.sluice.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.codegen.runtime.CastException;
import io.sluice.runtime.config.Configuration;
import io.sluice.runtime.types.LogicalType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** String, math, temporal, hashing functions and CAST through planned SQL. */
class FunctionFamiliesTest {
    private static final LocalDateTime TS = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_000_000);
    private BufferAllocator allocator;
    private ExpressionHarness h;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        h = new ExpressionHarness(allocator, new Configuration(), LogicalType.string(), LogicalType.integer(),
                LogicalType.doubleType(), LogicalType.timestamp(3), LogicalType.date(), LogicalType.decimal(10, 3));
    }

    @AfterEach
    void tearDown() {
        allocator.close();
    }

    private Object one(String expr, Object... row) {
        return h.column(expr, row).get(0);
    }

    private Object s(String expr, String value) {
        return one(expr, value, null, null, null, null, null);
    }

    @Test
    void stringFunctions() {
        assertEquals("HÉLLO WÖRLD", s("UPPER(c0)", "héllo wörld"));
        assertEquals("héllo", s("LOWER(c0)", "HÉLLO"));
        assertEquals("Hello World-Foo", s("INITCAP(c0)", "hELLO wORLD-foo"));
        assertEquals("abc", s("TRIM(c0)", "  abc  "));
        assertEquals("abc", s("TRIM(BOTH 'x' FROM c0)", "xxabcxx"));
        assertEquals("abcxx", s("TRIM(LEADING 'x' FROM c0)", "xxabcxx"));
        assertEquals("xxabc", s("TRIM(TRAILING 'x' FROM c0)", "xxabcxx"));
        assertEquals("abc  ", s("LTRIM(c0)", "  abc  "));
        assertEquals("  abc", s("RTRIM(c0)", "  abc  "));
        assertEquals(3, s("CHAR_LENGTH(c0)", "a\uD83D\uDE00é"));
        assertEquals(3, s("CHARACTER_LENGTH(UPPER(c0))", "a\uD83D\uDE00é"));
        assertEquals("ell", s("SUBSTRING(c0 FROM 2 FOR 3)", "hello"));
        assertEquals("llo", s("SUBSTRING(c0 FROM 3)", "hello"));
        assertEquals("\uD83D\uDE00é", s("SUBSTR(c0, 2)", "a\uD83D\uDE00é"));
        assertEquals("lo", s("SUBSTR(c0, -2, 5)", "hello"));
        assertEquals(3, s("POSITION('l' IN c0)", "hello"));
        assertEquals(0, s("POSITION('z' IN c0)", "hello"));
        assertEquals("heLLo", s("REPLACE(c0, 'l', 'L')", "hello"));
        assertEquals("ab!", s("c0 || '!'", "ab"));
        assertEquals("abab", s("CONCAT(c0, c0)", "ab"));
        assertNull(one("CONCAT(c0, 'x')", null, null, null, null, null, null));
        assertEquals("ab-x", s("CONCAT_WS('-', c0, CAST(NULL AS VARCHAR), 'x')", "ab"));
        assertEquals("x", one("CONCAT_WS('-', c0, 'x')", null, null, null, null, null, null));
        assertEquals("??hi", s("LPAD(c0, 4, '??')", "hi"));
        assertEquals("h", s("LPAD(c0, 1, '??')", "hi"));
        assertEquals("hi?!?", s("RPAD(c0, 5, '?!')", "hi"));
        assertNull(s("RPAD(c0, -1, '?')", "hi"));
        assertEquals("b", s("SPLIT_INDEX(c0, ',', 1)", "a,b,,c"));
        assertEquals("", s("SPLIT_INDEX(c0, ',', 2)", "a,b,,c"));
        assertNull(s("SPLIT_INDEX(c0, ',', 9)", "a,b,,c"));
        assertEquals("bar", s("REGEXP_EXTRACT(c0, 'foo(.*?)(bar)', 2)", "foothebar"));
        assertEquals("foothebar", s("REGEXP_EXTRACT(c0, 'foo(.*?)(bar)')", "foothebar"));
        assertNull(s("REGEXP_EXTRACT(c0, 'x(y)', 1)", "foothebar"));
        assertEquals("f-x-xthebar", s("REGEXP_REPLACE(c0, 'o', '-x')", "foothebar"));
        assertNull(s("REGEXP_REPLACE(c0, '(', 'x')", "foo"));
    }

    @Test
    void likeAndSimilar() {
        Object[][] rows = {{"abc", null, null, null, null, null}, {"xabcx", null, null, null, null, null},
            {"a_c", null, null, null, null, null}, {null, null, null, null, null, null},
            {"ä\nbc", null, null, null, null, null}};
        assertEquals(Arrays.asList(true, false, false, null, false), h.column("c0 LIKE 'abc'", rows));
        assertEquals(Arrays.asList(true, false, true, null, false), h.column("c0 LIKE 'a%'", rows));
        assertEquals(Arrays.asList(true, false, false, null, true), h.column("c0 LIKE '%bc'", rows));
        assertEquals(Arrays.asList(true, true, false, null, true), h.column("c0 LIKE '%bc%'", rows));
        assertEquals(Arrays.asList(true, false, true, null, false), h.column("c0 LIKE 'a_c'", rows));
        assertEquals(Arrays.asList(false, false, true, null, false), h.column("c0 LIKE 'a!_c' ESCAPE '!'", rows));
        assertEquals(Arrays.asList(false, true, true, null, true), h.column("c0 NOT LIKE 'abc'", rows));
        assertEquals(Arrays.asList(true, false, true, null, true), h.column("c0 LIKE '_%c' AND c0 NOT LIKE 'x%'",
                rows));
        assertEquals(Arrays.asList(true, true, false, null, false), h.column("LOWER(c0) LIKE '%abc%'", rows));
        assertEquals(Arrays.asList(true, false, true, null, false), h.column("c0 SIMILAR TO 'a(b|_)c'", rows));
        assertEquals(Arrays.asList(false, true, true, null, true), h.column("c0 NOT SIMILAR TO 'ab+c'", rows));
    }

    @Test
    void mathFunctions() {
        Object[] r = {null, -7, 2.5, null, null, new BigDecimal("-1.255")};
        assertEquals(7, one("ABS(c1)", r));
        assertEquals(new BigDecimal("1.255"), one("ABS(c5)", r));
        assertEquals(-1, one("MOD(c1, 3)", r));
        assertEquals(3.0, one("ROUND(c2)", r));
        assertEquals(new BigDecimal("-1.26"), one("ROUND(c5, 2)", r)); // DECIMAL(10, 3) -> DECIMAL(10, 2)
        assertEquals(-10, one("ROUND(c1, -1)", r));
        assertEquals(new BigDecimal("-1.25"), one("TRUNCATE(c5, 2)", r));
        assertEquals(2.0, one("FLOOR(c2)", r));
        assertEquals(3.0, one("CEIL(c2)", r));
        assertEquals(new BigDecimal("-2"), one("FLOOR(c5)", r));
        assertEquals(new BigDecimal("-1"), one("CEIL(c5)", r));
        assertEquals(6.25, one("POWER(c2, 2)", r));
        assertEquals(1.5811388300841898, one("SQRT(c2)", r));
        assertTrue(Double.isNaN((Double) one("SQRT(c1)", r)));
        assertEquals(Math.log(2.5), one("LN(c2)", r));
        assertEquals(2.0, one("LOG10(100)", r));
        assertEquals(Math.exp(2.5), one("EXP(c2)", r));
        assertEquals(-1, one("SIGN(c1)", r));
        assertEquals(Math.PI, one("PI", r));
        double rand = (Double) one("RAND(42)", r);
        assertTrue(rand >= 0 && rand < 1);
        assertEquals(rand, one("RAND(42)", r));
    }

    @Test
    void roundKeepsFlinksDecimalTypes() {
        Object[] r = {null, null, null, null, null, new BigDecimal("999.995")};
        assertEquals(new BigDecimal("1000"), one("ROUND(c5, 0)", r)); // DECIMAL(10, 3) -> DECIMAL(8, 0)
        assertEquals(new BigDecimal("1000.00"), one("ROUND(c5, 2)", r)); // -> DECIMAL(10, 2)
        assertEquals(new BigDecimal("999.995"), one("ROUND(c5, 5)", r)); // r >= s keeps DECIMAL(10, 3)
        assertEquals(new BigDecimal("1000"), one("ROUND(c5, -1)", r)); // -> DECIMAL(8, 0)
        assertEquals(new BigDecimal("999"), one("TRUNCATE(c5)", r));
        assertEquals(new BigDecimal("3"), h.scalar("ROUND(2.5)"));
        assertEquals(new BigDecimal("1200"), h.scalar("ROUND(1234.5, -2)"));
        assertEquals(new BigDecimal("1.7"), h.scalar("TRUNCATE(1.789, 1)"));
        ExpressionHarness.Planned p = h.plan("SELECT ROUND(c5, 1), ROUND(c5, -2), TRUNCATE(c1, 1), ROUND(c2) FROM t");
        assertEquals("DECIMAL(9, 1)", RelTypes.toLogicalType(p.projects.get(0).getType()).toString());
        assertEquals("DECIMAL(8, 0)", RelTypes.toLogicalType(p.projects.get(1).getType()).toString());
        assertEquals("INT", RelTypes.toLogicalType(p.projects.get(2).getType()).toString());
        assertEquals("DOUBLE", RelTypes.toLogicalType(p.projects.get(3).getType()).toString());
    }

    @Test
    void floorAndCeilNeverGiveNegativeZero() {
        Object[] r = {null, null, -0.5, null, null, null};
        assertEquals("0.0", String.valueOf(one("CEIL(c2)", r)));
        assertEquals("-1.0", String.valueOf(one("FLOOR(c2)", r)));
        assertEquals("0.0", String.valueOf(one("ROUND(c2 / 2)", r)));
        assertEquals("-1.0", String.valueOf(one("ROUND(c2)", r))); // HALF_UP rounds away from zero
        assertEquals("0.0", String.valueOf(one("CEIL(CAST(c2 AS FLOAT))", r)));
    }

    @Test
    void trigonometricAndLogarithmFunctions() {
        Object[] r = {null, 8, 0.5, null, null, new BigDecimal("1.000")};
        assertEquals(Math.sin(0.5), one("SIN(c2)", r));
        assertEquals(Math.cos(0.5), one("COS(c2)", r));
        assertEquals(Math.tan(0.5), one("TAN(c2)", r));
        assertEquals(1.0 / Math.tan(0.5), one("COT(c2)", r));
        assertEquals(Math.asin(0.5), one("ASIN(c2)", r));
        assertEquals(Math.acos(0.5), one("ACOS(c2)", r));
        assertEquals(Math.atan(0.5), one("ATAN(c2)", r));
        assertEquals(Math.atan2(0.5, 8), one("ATAN2(c2, c1)", r));
        assertEquals(Math.sinh(0.5), one("SINH(c2)", r));
        assertEquals(Math.cosh(0.5), one("COSH(c2)", r));
        assertEquals(Math.tanh(0.5), one("TANH(c2)", r));
        assertEquals(Math.toDegrees(0.5), one("DEGREES(c2)", r));
        assertEquals(Math.toRadians(8), one("RADIANS(c1)", r));
        assertEquals(2.0, one("CBRT(c1)", r));
        assertEquals(0.0, one("SIN(c5 - 1)", r));
        assertTrue(Double.isNaN((Double) one("ASIN(c1)", r)));
        assertEquals(Math.log(8), one("LOG(c1)", r));
        assertEquals(Math.log(8) / Math.log(2), one("LOG(2, c1)", r));
        assertEquals(-1.0, one("LOG2(c2)", r));
        assertEquals(Math.E, one("E()", r));
        Object[] nulls = {null, null, null, null, null, null};
        assertEquals(Arrays.asList(null, null, null, null), h.run("SELECT SIN(c2), ATAN2(c2, 1), LOG(2, c1), LOG2(c5) "
                + "FROM t", nulls).get(0));
    }

    @Test
    void stringTransformFunctions() {
        assertEquals("cba", s("REVERSE(c0)", "abc"));
        assertEquals("\uD83D\uDE00a", s("REVERSE(c0)", "a\uD83D\uDE00"));
        assertEquals("ababab", s("REPEAT(c0, 3)", "ab"));
        assertEquals("", s("REPEAT(c0, -1)", "ab"));
        assertEquals(97, s("ASCII(c0)", "abc"));
        assertEquals(0, s("ASCII(c0)", ""));
        assertEquals("A", s("CHR(65)", "x"));
        assertEquals("A", s("CHR(321)", "x"));
        assertEquals("aGVsbG8=", s("TO_BASE64(c0)", "hello"));
        assertEquals("hello", s("FROM_BASE64(c0)", "aGVsbG8="));
        assertNull(s("REVERSE(c0)", null));
        assertNull(s("REPEAT(c0, 2)", null));
        assertNull(s("ASCII(c0)", null));
        assertNull(s("TO_BASE64(c0)", null));
    }

    @Test
    void unixTimeFunctions() {
        Object[] r = {"2024-01-15 10:30:00", 86400, null, null, null, null};
        assertEquals("1970-01-02 00:00:00", one("FROM_UNIXTIME(c1)", r));
        assertEquals("19700102", one("FROM_UNIXTIME(c1, 'yyyyMMdd')", r));
        assertEquals(1705314600L, one("UNIX_TIMESTAMP(c0)", r));
        assertEquals(1705276800L, one("UNIX_TIMESTAMP('2024-01-15', 'yyyy-MM-dd')", r));
        assertEquals(1705311000L, one("UNIX_TIMESTAMP('2024-01-15 10:30:00 +01:00', 'yyyy-MM-dd HH:mm:ss XXX')", r));
        assertEquals(Long.MIN_VALUE, one("UNIX_TIMESTAMP('not a time')", r));
        assertTrue((Long) one("UNIX_TIMESTAMP()", r) > 1_700_000_000L);
        assertEquals(java.time.Instant.ofEpochMilli(1500), one("TO_TIMESTAMP_LTZ(1500, 3)", r));
        assertEquals(java.time.Instant.ofEpochSecond(86400), one("TO_TIMESTAMP_LTZ(c1, 0)", r));
        assertEquals(java.time.Instant.ofEpochMilli(86400), one("TO_TIMESTAMP_LTZ(c1)", r));
        assertNull(one("TO_TIMESTAMP_LTZ(CAST(c2 AS BIGINT), 0)", r));
        assertNull(one("FROM_UNIXTIME(CAST(c2 AS BIGINT))", r));
    }

    @Test
    void typeOfNamesFlinkTypes() {
        Object[] r = {null, null, null, null, null, null};
        assertEquals("INT NOT NULL", one("TYPEOF(1)", r));
        assertEquals("STRING", one("TYPEOF(c0)", r));
        assertEquals("DECIMAL(10, 3)", one("TYPEOF(c5)", r));
        assertEquals("TIMESTAMP(3)", one("TYPEOF(c3)", r));
        assertEquals("CHAR(2) NOT NULL", one("TYPEOF('ab', TRUE)", r));
    }

    @Test
    void extractSubSecondFieldsOnlyTheFraction() {
        Object[] r = {null, null, null, TS, null, null};
        assertEquals(123L, one("EXTRACT(MILLISECOND FROM c3)", r));
        assertEquals(123_000L, one("EXTRACT(MICROSECOND FROM c3)", r));
        assertEquals(123_000_000L, one("EXTRACT(NANOSECOND FROM c3)", r));
    }

    @Test
    void temporalFunctions() {
        Object[] r = {"2024-03-01 10:00:00", null, null, TS, LocalDate.of(2024, 2, 29), null};
        assertEquals(2024L, one("EXTRACT(YEAR FROM c3)", r));
        assertEquals(2L, one("EXTRACT(MONTH FROM c3)", r));
        assertEquals(29L, one("EXTRACT(DAY FROM c4)", r));
        assertEquals(13L, one("EXTRACT(HOUR FROM c3)", r));
        assertEquals(30L, one("EXTRACT(SECOND FROM c3)", r));
        assertEquals(5L, one("EXTRACT(DOW FROM c4)", r));
        assertEquals(1L, one("EXTRACT(QUARTER FROM c3)", r));
        assertEquals(LocalDateTime.of(2024, 2, 1, 0, 0), one("FLOOR(c3 TO MONTH)", r));
        assertEquals(LocalDateTime.of(2024, 2, 29, 14, 0), one("CEIL(c3 TO HOUR)", r));
        assertEquals(LocalDateTime.of(2024, 3, 29, 13, 45, 30, 123_000_000), one("c3 + INTERVAL '1' MONTH", r));
        assertEquals(LocalDateTime.of(2024, 2, 28, 13, 45, 30, 123_000_000), one("c3 - INTERVAL '1' DAY", r));
        assertEquals(LocalDate.of(2024, 3, 2), one("c4 + INTERVAL '2' DAY", r));
        assertEquals(LocalDateTime.of(2025, 2, 28, 13, 45, 30, 123_000_000), one("TIMESTAMPADD(YEAR, 1, c3)", r));
        assertEquals(-2, one("TIMESTAMPDIFF(DAY, c3, TIMESTAMP '2024-02-27 13:00:00')", r));
        assertEquals(12, one("TIMESTAMPDIFF(MONTH, c3, TIMESTAMPADD(YEAR, 1, c3))", r));
        assertEquals(1, one("TIMESTAMPDIFF(DAY, c4, DATE '2024-03-01')", r));
        assertEquals("2024/02/29 13:45", one("DATE_FORMAT(c3, 'yyyy/MM/dd HH:mm')", r));
        assertEquals("2024-03-01", one("DATE_FORMAT(c0, 'yyyy-MM-dd')", r));
        assertEquals(LocalDate.of(2024, 1, 5), one("TO_DATE('2024-01-05')", r));
        assertEquals(LocalDate.of(2024, 1, 5), one("TO_DATE('05/01/2024', 'dd/MM/yyyy')", r));
        assertEquals(LocalDateTime.of(2024, 3, 1, 10, 0), one("TO_TIMESTAMP(c0)", r));
        assertNull(one("TO_TIMESTAMP('garbage')", r));
        LocalDate today = (LocalDate) one("CURRENT_DATE", r);
        assertTrue(Math.abs(today.toEpochDay() - LocalDate.now(java.time.ZoneOffset.UTC).toEpochDay()) <= 1);
        assertTrue(one("CURRENT_TIMESTAMP", r) != null);
        assertTrue(one("LOCALTIMESTAMP", r) != null);
    }

    @Test
    void hashing() {
        assertEquals("900150983cd24fb0d6963f7d28e17f72", s("MD5(c0)", "abc"));
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", s("SHA1(c0)", "abc"));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", s("SHA256(c0)", "abc"));
        assertNull(s("MD5(c0)", null));
    }

    @Test
    void casts() {
        Object[] r = {" 42 ", 7, 2.5, TS, LocalDate.of(2024, 2, 29), new BigDecimal("12.345")};
        assertEquals(42, one("CAST(c0 AS INT)", r));
        assertEquals(42L, one("CAST(c0 AS BIGINT)", r));
        assertEquals(42.0, one("CAST(c0 AS DOUBLE)", r));
        assertEquals(new BigDecimal("42.00"), one("CAST(c0 AS DECIMAL(5, 2))", r));
        assertEquals("7", one("CAST(c1 AS VARCHAR)", r));
        assertEquals("2.5", one("CAST(c2 AS VARCHAR(20))", r));
        assertEquals("TRUE", one("CAST(c1 > 0 AS VARCHAR(5))", r));
        assertEquals("12.345", one("CAST(c5 AS VARCHAR(20))", r));
        assertEquals(new BigDecimal("12.35"), one("CAST(c5 AS DECIMAL(4, 2))", r));
        assertNull(one("CAST(c5 AS DECIMAL(3, 2))", r));
        assertEquals(12, one("CAST(c5 AS INT)", r));
        assertEquals(2, one("CAST(c2 AS INT)", r));
        assertEquals((byte) 44, one("CAST(300 + c1 - 7 AS TINYINT)", r));
        assertEquals("2024-02-29 13:45:30.123", one("CAST(c3 AS VARCHAR(30))", r));
        assertEquals("2024-02-29", one("CAST(c4 AS VARCHAR(10))", r));
        assertEquals(LocalDate.of(2024, 2, 29), one("CAST(c3 AS DATE)", r));
        assertEquals(LocalTime.of(13, 45, 30, 123_000_000), one("CAST(c3 AS TIME(3))", r));
        assertEquals(LocalDateTime.of(2024, 2, 29, 0, 0), one("CAST(c4 AS TIMESTAMP(3))", r));
        assertEquals(LocalDate.of(2021, 5, 6), one("CAST('2021-05-06' AS DATE)", r));
        assertEquals(LocalDateTime.of(2021, 5, 6, 7, 8, 9), one("CAST('2021-05-06 07:08:09' AS TIMESTAMP(3))", r));
        assertEquals(true, one("CAST('yes' AS BOOLEAN)", r));
        assertEquals("ab", one("CAST('abcdef' AS VARCHAR(2))", r));
        assertEquals("1", one("CAST(c1 + 3 AS VARCHAR(1))", new Object[] {null, 7, null, null, null, null}));
        assertEquals("ab   ", one("CAST(SUBSTR(c0, 1, 1) || 'b' AS CHAR(5))", new Object[] {"a", null, null, null,
            null, null}));
        CastException e = assertThrows(CastException.class, () -> one("CAST(c0 AS INT)", "abc", null, null, null,
                null, null));
        assertTrue(e.getMessage().contains("'abc'") && e.getMessage().contains("INT"), e.getMessage());
        assertNull(one("TRY_CAST(c0 AS INT)", "abc", null, null, null, null, null));
        assertEquals(42, one("TRY_CAST(c0 AS INT)", r));
        assertThrows(CastException.class, () -> one("CAST(c0 AS DATE)", "2021-13-01", null, null, null, null, null));
    }
}
