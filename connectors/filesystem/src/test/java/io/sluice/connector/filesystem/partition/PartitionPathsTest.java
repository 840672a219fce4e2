package io.sluice.connector.filesystem.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Escaping, building and parsing of Hive-style partition directory names. */
class PartitionPathsTest {
    private static final String DEFAULT = PartitionPaths.DEFAULT_PARTITION_NAME;

    @Test
    void escapesCharactersThatAreUnsafeInPaths() {
        assertEquals("a%2Fb", PartitionPaths.escape("a/b"));
        assertEquals("k%3Dv", PartitionPaths.escape("k=v"));
        assertEquals("100%25", PartitionPaths.escape("100%"));
        assertEquals("10%3A15%3A00", PartitionPaths.escape("10:15:00"));
        assertEquals("%22q%22%23%27%2A%3F%5C%7B%5B%5D%5E", PartitionPaths.escape("\"q\"#'*?\\{[]^"));
        assertEquals("tab%09nl%0A", PartitionPaths.escape("tab\tnl\n"));
        assertEquals("%7F", PartitionPaths.escape("\u007F"));
    }

    @Test
    void leavesOrdinaryCharactersAlone() {
        assertEquals("2024-01-01", PartitionPaths.escape("2024-01-01"));
        assertEquals("a b.c_d+e,f", PartitionPaths.escape("a b.c_d+e,f"));
        assertEquals("grüße 日本", PartitionPaths.escape("grüße 日本"));
    }

    @Test
    void unescapeInvertsEscape() {
        for (String s : List.of("a/b", "k=v", "100%", "x%2Fy", "2024-01-01 10:15:00", "\"#'*?\\{[]^\t", "plain", "")) {
            assertEquals(s, PartitionPaths.unescape(PartitionPaths.escape(s)), s);
        }
    }

    @Test
    void unescapeKeepsMalformedSequences() {
        assertEquals("50%", PartitionPaths.unescape("50%"));
        assertEquals("%zz", PartitionPaths.unescape("%zz"));
        assertEquals("a%2", PartitionPaths.unescape("a%2"));
        assertEquals("a/", PartitionPaths.unescape("a%2f"));
    }

    @Test
    void buildsDirectoriesWithTheDefaultNameForNullAndEmpty() {
        assertEquals("dt=2024-01-01/hr=10",
                PartitionPaths.partitionPath(List.of("dt", "hr"), List.of("2024-01-01", "10"), DEFAULT));
        assertEquals("dt=" + DEFAULT + "/hr=" + DEFAULT,
                PartitionPaths.partitionPath(List.of("dt", "hr"), Arrays.asList(null, ""), DEFAULT));
        assertEquals("p=a%2Fb", PartitionPaths.partitionPath(List.of("p"), List.of("a/b"), DEFAULT));
        assertEquals("my%3Dkey=v", PartitionPaths.partitionPath(List.of("my=key"), List.of("v"), DEFAULT));
    }

    @Test
    void parsesDirectoriesBack() {
        assertEquals(List.of("2024-01-01", "10"),
                PartitionPaths.parse(List.of("dt=2024-01-01", "hr=10"), List.of("dt", "hr"), DEFAULT));
        assertEquals(Arrays.asList("a/b", null),
                PartitionPaths.parse(List.of("p=a%2Fb", "q=" + DEFAULT, "deeper"), List.of("p", "q"), DEFAULT));
        assertEquals(List.of("x=y"), PartitionPaths.parse(List.of("p=x=y"), List.of("p"), DEFAULT));
        assertEquals(List.of(""), PartitionPaths.parse(List.of("p="), List.of("p"), DEFAULT));
    }

    @Test
    void rejectsDirectoriesOfOtherShapes() {
        assertNull(PartitionPaths.parse(List.of("hr=10", "dt=2024"), List.of("dt", "hr"), DEFAULT));
        assertNull(PartitionPaths.parse(List.of("dt=2024"), List.of("dt", "hr"), DEFAULT));
        assertNull(PartitionPaths.parse(List.of("plain"), List.of("dt"), DEFAULT));
    }
}
