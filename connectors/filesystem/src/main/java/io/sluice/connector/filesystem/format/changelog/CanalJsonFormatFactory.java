package io.sluice.connector.filesystem.format.changelog;

import io.sluice.runtime.config.ConfigOption;
import io.sluice.runtime.connector.TableContext;
import io.sluice.table.api.ValidationException;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The {@code 'format' = 'canal-json'} factory: Canal's flat json change events ({@link CanalProtocol}). */
public final class CanalJsonFormatFactory extends ChangelogJsonFormatFactory {
    /** The format id. */
    public static final String IDENTIFIER = "canal-json";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    protected Set<ConfigOption<?>> ownOptions() {
        return Set.of(ChangelogJsonOptions.DATABASE_INCLUDE, ChangelogJsonOptions.TABLE_INCLUDE);
    }

    @Override
    protected ChangelogProtocol protocol(TableContext context, boolean encoding) {
        return new CanalProtocol(pattern(context, ChangelogJsonOptions.DATABASE_INCLUDE),
                pattern(context, ChangelogJsonOptions.TABLE_INCLUDE));
    }

    private static Pattern pattern(TableContext context, ConfigOption<String> option) {
        String regex = context.get(option, IDENTIFIER + ".");
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ValidationException("Invalid regular expression for option '" + IDENTIFIER + "." + option.key()
                    + "' of table " + context.tableName() + ": " + e.getDescription() + ".");
        }
    }
}
