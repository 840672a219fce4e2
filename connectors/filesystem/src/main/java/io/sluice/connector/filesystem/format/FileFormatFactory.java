package io.sluice.connector.filesystem.format;

import io.sluice.runtime.connector.FormatFactory;
import io.sluice.runtime.connector.TableContext;

/**
 * A format the filesystem connector can read and write, e.g. {@code csv} or {@code json}.
 * Register implementations in {@code META-INF/services/io.sluice.runtime.connector.Factory}.
 *
 * <p>Both methods are called while a query is planned; they read the format's options (written with the
 * prefix {@code <factoryIdentifier()>.}) from the context and reject invalid values and unsupported
 * column types with a {@link io.sluice.table.api.ValidationException} or
 * {@link io.sluice.table.api.UnsupportedFeatureException}.
 */
public interface FileFormatFactory extends FormatFactory {
    /** A decoder factory for the table's physical row type and format options. */
    RecordDecoderFactory createDecoderFactory(TableContext context);

    /** An encoder factory for rows of {@code context.physicalRowType()}. */
    RecordEncoderFactory createEncoderFactory(TableContext context);
}
