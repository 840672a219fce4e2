package io.sluice.cli.procedures;

import io.sluice.planner.catalog.Catalog;
import io.sluice.planner.catalog.PluggableCatalogFactory;
import io.sluice.table.api.ValidationException;
import java.util.Map;

/**
 * Catalog type {@code test_procedure_catalog} for the tests of CALL and SHOW PROCEDURES: an in-memory catalog
 * whose database {@code system} has the procedures of {@link TestProcedureCatalog}.
 */
public final class TestProcedureCatalogFactory implements PluggableCatalogFactory {
    @Override
    public String factoryIdentifier() {
        return "test_procedure_catalog";
    }

    @Override
    public Catalog createCatalog(String name, Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!key.equals("type")) {
                throw new ValidationException("Unsupported option '" + key + "' for catalog type"
                        + " 'test_procedure_catalog'.");
            }
        }
        return new TestProcedureCatalog();
    }
}
