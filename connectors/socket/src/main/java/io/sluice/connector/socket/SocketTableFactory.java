package io.sluice.connector.socket;

import io.sluice.connector.filesystem.format.FileFormatFactory;
import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.DynamicTableSourceFactory;
import io.sluice.runtime.connector.FactoryUtil;
import io.sluice.runtime.connector.FormatFactory;
import io.sluice.runtime.connector.ScanTableSource;
import io.sluice.runtime.connector.TableContext;
import io.sluice.table.api.ValidationException;
import java.util.Set;

/**
 * The {@code 'connector' = 'socket'} factory: a source that connects to a TCP server and reads delimited records
 * in a file format ({@code csv}, {@code json}, ...), for demos (e.g. {@code nc -lk 9999}). Options are listed in
 * {@link SocketOptions}; the format's options are written with its prefix.
 */
public final class SocketTableFactory implements DynamicTableSourceFactory {
    /** The connector id. */
    public static final String IDENTIFIER = "socket";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(SocketOptions.HOSTNAME, SocketOptions.PORT, SocketOptions.FORMAT);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(SocketOptions.BYTE_DELIMITER);
    }

    @Override
    public ScanTableSource createDynamicTableSource(TableContext context) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = SocketTableFactory.class.getClassLoader();
        }
        FactoryUtil.validateOptions(context.tableName(), this, context.options(), loader);
        String formatId = context.get(SocketOptions.FORMAT);
        FormatFactory format = FactoryUtil.discover(FormatFactory.class, formatId, loader);
        if (!(format instanceof FileFormatFactory)) {
            throw new ValidationException("Format '" + formatId + "' of table " + context.tableName()
                    + " cannot be used with connector '" + IDENTIFIER + "'.");
        }
        String host = context.get(SocketOptions.HOSTNAME);
        int port = context.get(SocketOptions.PORT);
        if (port < 1 || port > 65535) {
            throw new ValidationException("Option 'port' of table " + context.tableName() + " must be a port number"
                    + " (1-65535), but was " + port + ".");
        }
        int delimiter = context.get(SocketOptions.BYTE_DELIMITER);
        if (delimiter < 0 || delimiter > 255) {
            throw new ValidationException("Option 'byte-delimiter' of table " + context.tableName()
                    + " must be a byte value (0-255), but was " + delimiter + ".");
        }
        return new SocketTableSource(host, port, (byte) delimiter, formatId,
                ((FileFormatFactory) format).createDecoderFactory(context), context.physicalRowType());
    }
}
