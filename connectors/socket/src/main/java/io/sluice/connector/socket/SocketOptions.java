package io.sluice.connector.socket;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import io.sluice.runtime.connector.FactoryUtil;

/** Options of the {@code socket} connector, with the keys of Flink's socket example connector. */
public final class SocketOptions {
    private SocketOptions() {
    }

    public static final ConfigOption<String> HOSTNAME = ConfigOptions.key("hostname").stringType().noDefaultValue()
            .withDescription("The host of the server the source connects to.");

    public static final ConfigOption<Integer> PORT = ConfigOptions.key("port").intType().noDefaultValue()
            .withDescription("The port of the server the source connects to.");

    public static final ConfigOption<Integer> BYTE_DELIMITER = ConfigOptions.key("byte-delimiter").intType()
            .defaultValue(10)
            .withDescription("The byte (0-255) that ends each record; 10 is a line break.");

    /** The format of each record, e.g. {@code csv} or {@code json}. */
    public static final ConfigOption<String> FORMAT = FactoryUtil.FORMAT;
}
