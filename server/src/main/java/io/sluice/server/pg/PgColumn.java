package io.sluice.server.pg;

import io.sluice.runtime.types.LogicalType;

/** A result column as described to the client: name, PostgreSQL type and modifier, and Sluice's own type. */
record PgColumn(String name, PgType type, int typeModifier, LogicalType logicalType) {

    static PgColumn of(String name, LogicalType type) {
        return new PgColumn(name, PgType.of(type), PgType.typeModifier(type), type);
    }
}
