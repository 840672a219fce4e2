package io.sluice.connector.filesystem;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.config.ConfigOptions;
import io.sluice.runtime.connector.FactoryUtil;

/** Options of the {@code filesystem} connector, with Flink's keys. */
public final class FileSystemOptions {
    private FileSystemOptions() {
    }

    public static final ConfigOption<String> PATH = ConfigOptions.key("path").stringType().noDefaultValue()
            .withDescription("A file or a directory (read recursively; names starting with '.' or '_' are skipped). "
                    + "A sink writes part files into this directory.");

    /** The record format, e.g. {@code csv}. */
    public static final ConfigOption<String> FORMAT = FactoryUtil.FORMAT;
}
