package io.sluice.planner.catalog;

import io.sluice.table.api.TableException;

/**
 * A catalog could not read or write its storage: an I/O failure, or a stored file that is corrupt or was
 * written by an unknown format version. The message names the catalog and the file.
 */
public class CatalogException extends TableException {
    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
