package io.sluice.connector.filesystem;

import static io.sluice.connector.filesystem.FileSystemTestSupport.context;
import static io.sluice.connector.filesystem.FileSystemTestSupport.csvOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.runtime.connector.DynamicTableSinkFactory;
import io.sluice.runtime.connector.DynamicTableSourceFactory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.FormatFactory;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import io.sluice.table.api.UnsupportedFeatureException;
import io.sluice.table.api.ValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileSystemOptionsTest {
    private static final RowType T = new RowType(List.of("id"), List.of(LogicalType.integer()));
    private static final Path P = Path.of("/tmp/sluice-no-such-dir/t.csv");
    private final FileSystemTableFactory factory = new FileSystemTableFactory();

    @Test
    void factoriesAreDiscoveredByServiceLoader() {
        ClassLoader cl = getClass().getClassLoader();
        assertTrue(FactoryUtil.discover(DynamicTableSourceFactory.class, "filesystem", cl) instanceof FileSystemTableFactory);
        assertTrue(FactoryUtil.discover(DynamicTableSinkFactory.class, "filesystem", cl) instanceof FileSystemTableFactory);
        assertEquals("csv", FactoryUtil.discover(FormatFactory.class, "csv", cl).factoryIdentifier());
    }

    @Test
    void misspelledFormatOptionSuggestsTheNearestKey() {
        ValidationException e = assertThrows(ValidationException.class, () -> factory.createDynamicTableSource(
                context(T, csvOptions(P, "csv.field-delimeter", ";"))));
        assertTrue(e.getMessage().startsWith("Unsupported options found for 'filesystem'.\n\nUnsupported options:"
                + "\n\ncsv.field-delimeter\n\nSupported options:\n\n"), e.getMessage());
        assertTrue(e.getMessage().contains("Unsupported option 'csv.field-delimeter' for connector 'filesystem'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'csv.field-delimiter'"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> factory.createDynamicTableSink(
                context(T, csvOptions(P, "pathh", "/x"))));
        assertTrue(e.getMessage().contains("Did you mean 'path'"), e.getMessage());
    }

    @Test
    void missingRequiredOptionsAndUnknownFormat() {
        Map<String, String> noPath = Map.of("connector", "filesystem", "format", "csv");
        ValidationException e = assertThrows(ValidationException.class,
                () -> factory.createDynamicTableSource(context(T, noPath)));
        assertTrue(e.getMessage().contains("missing required option 'path'"), e.getMessage());
        Map<String, String> noFormat = Map.of("connector", "filesystem", "path", "/x");
        e = assertThrows(ValidationException.class, () -> factory.createDynamicTableSource(context(T, noFormat)));
        assertTrue(e.getMessage().contains("missing required option 'format'"), e.getMessage());
        Map<String, String> badFormat = Map.of("connector", "filesystem", "path", "/x", "format", "cvs");
        e = assertThrows(ValidationException.class, () -> factory.createDynamicTableSource(context(T, badFormat)));
        assertTrue(e.getMessage().contains("Could not find any format factory for 'cvs'. Did you mean 'csv'"),
                e.getMessage());
    }

    @Test
    void invalidOptionValues() {
        ValidationException e = assertThrows(ValidationException.class, () -> factory.createDynamicTableSource(
                context(T, csvOptions(P, "csv.field-delimiter", ";;"))));
        assertTrue(e.getMessage().contains("csv.field-delimiter"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> factory.createDynamicTableSource(
                context(T, csvOptions(P, "csv.field-delimiter", "§"))));
        assertTrue(e.getMessage().contains("single ASCII character"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> factory.createDynamicTableSource(
                context(T, csvOptions(P, "csv.quote-character", ","))));
        assertTrue(e.getMessage().contains("must differ from the field delimiter"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> factory.createDynamicTableSource(
                context(T, csvOptions(P, "csv.ignore-parse-errors", "yes"))));
        assertTrue(e.getMessage().contains("csv.ignore-parse-errors"), e.getMessage());
    }

    @Test
    void intervalColumnsAreNotSupportedByCsv() {
        RowType t = new RowType(List.of("i"), List.of(LogicalType.of(TypeRoot.INTERVAL_DAY_TIME)));
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> factory.createDynamicTableSource(context(t, csvOptions(P))));
        assertEquals("not supported yet: csv format for type INTERVAL DAY TO SECOND(3)", e.getMessage());
    }

    @Test
    void pathsAreLocalPathsOrFileUris() {
        assertEquals(Path.of("/tmp/x/y.csv"), FileSystemTableFactory.localPath("/tmp/x/y.csv", "t"));
        assertEquals(Path.of("data/y.csv"), FileSystemTableFactory.localPath("data/y.csv", "t"));
        assertEquals(Path.of("/tmp/x"), FileSystemTableFactory.localPath("file:///tmp/x", "t"));
        assertEquals(Path.of("/tmp/x"), FileSystemTableFactory.localPath("file:/tmp/x", "t"));
        assertEquals(Path.of("/tmp/a b"), FileSystemTableFactory.localPath("file:///tmp/a%20b", "t"));
        assertEquals(Path.of("rel/x"), FileSystemTableFactory.localPath("file:rel/x", "t"));
        assertThrows(ValidationException.class, () -> FileSystemTableFactory.localPath("file://host/x", "t"));
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class,
                () -> FileSystemTableFactory.localPath("hdfs://namenode:8020/x", "t"));
        assertTrue(e.getMessage().contains("the file system 'hdfs'"), e.getMessage());
    }
}
