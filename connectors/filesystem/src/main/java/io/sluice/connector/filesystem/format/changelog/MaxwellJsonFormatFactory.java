package io.sluice.connector.filesystem.format.changelog;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.TableContext;
import java.util.Set;

/** The {@code 'format' = 'maxwell-json'} factory: Maxwell's json change events ({@link MaxwellProtocol}). */
public final class MaxwellJsonFormatFactory extends ChangelogJsonFormatFactory {
    /** The format id. */
    public static final String IDENTIFIER = "maxwell-json";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    protected Set<ConfigOption<?>> ownOptions() {
        return Set.of();
    }

    @Override
    protected ChangelogProtocol protocol(TableContext context, boolean encoding) {
        return new MaxwellProtocol();
    }
}
