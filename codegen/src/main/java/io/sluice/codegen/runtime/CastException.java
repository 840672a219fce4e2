package io.sluice.codegen.runtime;

import io.sluice.table.api.TableException;

/** A value could not be converted by CAST (e.g. {@code CAST('abc' AS INT)}); TRY_CAST turns it into NULL. */
public final class CastException extends TableException {
    public CastException(String message) {
        super(message);
    }

    /** The standard message for a string that does not parse as {@code targetType}. */
    public static CastException cannotParse(String value, String targetType) {
        return new CastException("Cannot cast '" + value + "' to " + targetType
                + ": the string is not a valid " + targetType + " value (use TRY_CAST to get NULL instead)");
    }
}
