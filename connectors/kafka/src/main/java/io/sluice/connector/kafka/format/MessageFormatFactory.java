package io.sluice.connector.kafka.format;

import io.sluice.runtime.connector.FormatFactory;
import io.sluice.runtime.connector.TableContext;

/**
 * A format that encodes single messages only (none is built in: {@code raw} and {@code avro} are file formats that
 * also code single messages, {@link io.sluice.connector.filesystem.format.SingleMessageFormat}). The line-based
 * file formats ({@code csv}, {@code json}) are adapted by {@link MessageFormats}. Both methods read the format's options (prefixed with its id) and
 * reject unsupported column types while the query is planned.
 */
public interface MessageFormatFactory extends FormatFactory {
    /** A decoder of rows of {@code context.physicalRowType()} producing the columns {@code projectedFields}. */
    MessageDecoder createMessageDecoder(TableContext context, int[] projectedFields);

    /** An encoder of rows of {@code context.physicalRowType()}. */
    MessageEncoder createMessageEncoder(TableContext context);
}
