package io.sluice.connector.filesystem.format;

import io.sluice.runtime.connector.TableContext;

/**
 * A format whose records are whole messages that carry no delimiter of their own ({@code raw}, {@code avro}): besides
 * files, it decodes and encodes single messages, such as the keys and values of Kafka records. Implemented by
 * {@link FileFormatFactory} implementations; connectors of messages prefer it to cutting files into records.
 */
public interface SingleMessageFormat {
    /** A decoder of messages holding rows of {@code context.physicalRowType()}, producing {@code projectedFields}. */
    SingleMessageDecoder createMessageDecoder(TableContext context, int[] projectedFields);

    /** An encoder of rows of {@code context.physicalRowType()} into one message each. */
    SingleMessageEncoder createMessageEncoder(TableContext context);
}
