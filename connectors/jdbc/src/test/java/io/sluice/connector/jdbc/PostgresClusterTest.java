package io.sluice.connector.jdbc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test harness fails loudly, naming the missing package, when no PostgreSQL server can be found. */
class PostgresClusterTest {
    @Test
    void missingServerBinariesFailWithAClearMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PostgresCluster.Server.start(Map.of("PG_BIN", "/nonexistent/postgresql/bin")));
        assertTrue(e.getMessage().contains("PostgreSQL server package"), e.getMessage());
        assertTrue(e.getMessage().contains("PG_BIN=/nonexistent/postgresql/bin has no initdb"), e.getMessage());
    }
}
