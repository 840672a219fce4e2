package io.sluice.connector.filesystem.format.changelog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.types.RowKind;

/**
 * One row of a change event: the json object holding the row's fields, and its row kind.
 *
 * @param kind the row kind
 * @param row the row's fields by column name
 */
public record ChangeImage(RowKind kind, ObjectNode row) {
}
