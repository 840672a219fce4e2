package io.sluice.planner.catalog;

/** What a catalog stores under a table name: a {@link CatalogTable} or a {@link CatalogView}. */
public sealed interface CatalogBaseTable permits CatalogTable, CatalogView {
    /** The object's comment, or null. */
    String comment();
}
