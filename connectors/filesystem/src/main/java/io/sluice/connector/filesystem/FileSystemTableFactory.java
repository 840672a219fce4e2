package io.sluice.connector.filesystem;

import io.sluice.connector.filesystem.format.FileFormatFactory;
import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.DynamicTableSink;
import io.sluice.runtime.connector.DynamicTableSinkFactory;
import io.sluice.runtime.connector.DynamicTableSourceFactory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.FormatFactory;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.TableContext;
import io.sluice.table.api.ValidationException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The {@code 'connector' = 'filesystem'} factory. Required options: {@code path} and {@code format}; the
 * format's own options are written with its prefix ({@code 'csv.field-delimiter'}). Options are validated
 * with {@link FactoryUtil#validateOptions} (an unknown key is reported with the nearest valid keys).
 */
public final class FileSystemTableFactory implements DynamicTableSourceFactory, DynamicTableSinkFactory {
    /** The connector id. */
    public static final String IDENTIFIER = "filesystem";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(FileSystemOptions.PATH, FileSystemOptions.FORMAT);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public ScanTableSource createDynamicTableSource(TableContext context) {
        FileFormatFactory format = validate(context);
        String formatId = context.get(FileSystemOptions.FORMAT);
        return new FileSystemTableSource(path(context), formatId, format.createDecoderFactory(context),
                context.physicalRowType());
    }

    @Override
    public DynamicTableSink createDynamicTableSink(TableContext context) {
        FileFormatFactory format = validate(context);
        String formatId = context.get(FileSystemOptions.FORMAT);
        return new FileSystemTableSink(path(context), formatId, format.createEncoderFactory(context));
    }

    private static Path path(TableContext context) {
        return Path.of(context.get(FileSystemOptions.PATH));
    }

    private FileFormatFactory validate(TableContext context) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = FileSystemTableFactory.class.getClassLoader();
        }
        FactoryUtil.validateOptions(context.tableName(), this, context.options(), loader);
        String formatId = context.get(FileSystemOptions.FORMAT);
        FormatFactory format = FactoryUtil.discover(FormatFactory.class, formatId, loader);
        if (!(format instanceof FileFormatFactory)) {
            throw new ValidationException("Format '" + formatId + "' of table " + context.tableName()
                    + " cannot be used with connector '" + IDENTIFIER + "'.");
        }
        return (FileFormatFactory) format;
    }
}
