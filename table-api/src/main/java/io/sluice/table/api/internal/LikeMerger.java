package io.sluice.table.api.internal;

import io.sluice.planner.catalog.CatalogColumn;
import io.sluice.planner.catalog.CatalogTable;
import io.sluice.sql.parser.SqlParseException;
import io.sluice.sql.parser.ast.LikeClause;
import io.sluice.sql.parser.ast.LikeClause.Feature;
import io.sluice.sql.parser.ast.LikeClause.LikeOption;
import io.sluice.sql.parser.ast.LikeClause.Strategy;
import io.sluice.table.api.SqlParserException;
import io.sluice.table.api.ValidationException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Merges the source table of {@code CREATE TABLE t (...) LIKE source (options)} into the new table's draft with
 * Flink's rules: physical columns always come from the source (first, in order); the default is
 * {@code INCLUDING ALL OVERWRITING OPTIONS}; options are applied in order, a later one overriding ALL.
 * INCLUDING fails on a duplicate, OVERWRITING lets the new table win, EXCLUDING drops the source's feature.
 */
final class LikeMerger {
    private LikeMerger() {
    }

    /** The merge strategy of each feature (never ALL), after validating the written options. */
    static Map<Feature, Strategy> strategies(LikeClause like) {
        Map<Feature, Strategy> result = new EnumMap<>(Feature.class);
        for (Feature f : Feature.values()) {
            if (f != Feature.ALL) {
                result.put(f, Strategy.INCLUDING);
            }
        }
        result.put(Feature.OPTIONS, Strategy.OVERWRITING);
        EnumSet<Feature> seen = EnumSet.noneOf(Feature.class);
        for (LikeOption o : like.options()) {
            if (!seen.add(o.feature())) {
                throw parseError(like, "Each like option feature can be declared only once.");
            }
            if (o.strategy() == Strategy.OVERWRITING
                    && (o.feature() == Feature.CONSTRAINTS || o.feature() == Feature.PARTITIONS)) {
                throw parseError(like, "Illegal merging strategy '" + o.strategy() + "' for '" + o.feature()
                        + "' option.");
            }
            if (o.feature() == Feature.ALL) {
                for (Feature f : result.keySet()) {
                    boolean overwritable = f != Feature.CONSTRAINTS && f != Feature.PARTITIONS;
                    result.put(f, o.strategy() == Strategy.OVERWRITING && !overwritable ? Strategy.INCLUDING
                            : o.strategy());
                }
            } else {
                result.put(o.feature(), o.strategy());
            }
        }
        return result;
    }

    private static SqlParserException parseError(LikeClause like, String message) {
        SqlParseException p = SqlParseException.at(like.position(), message.substring(0, message.length() - 1));
        return new SqlParserException(p.getMessage(), p.line(), p.column());
    }

    /**
     * Merges {@code source} into {@code draft}, which holds what the CREATE TABLE itself declares (its columns are
     * appended after the source's).
     */
    static void merge(TableDraft draft, CatalogTable source, LikeClause like) {
        Map<Feature, Strategy> s = strategies(like);
        List<CatalogColumn> declared = new java.util.ArrayList<>(draft.columns);
        draft.columns.clear();
        for (CatalogColumn c : source.columns()) {
            Feature feature = c.isPhysical() ? null : c.isComputed() ? Feature.GENERATED : Feature.METADATA;
            if (feature != null && s.get(feature) == Strategy.EXCLUDING) {
                continue;
            }
            CatalogColumn mine = find(declared, c.name());
            if (mine != null) {
                if (c.isPhysical() || mine.isPhysical() || mine.kind() != c.kind()) {
                    throw TableDraft.at(new ValidationException("A column named '" + c.name()
                            + "' already exists in the base table."), draft.columnPositions.get(c.name()));
                }
                if (s.get(feature) == Strategy.INCLUDING) {
                    String kind = feature == Feature.GENERATED ? "generated" : "metadata";
                    throw TableDraft.at(new ValidationException("A " + kind + " column named '" + c.name()
                            + "' already exists in the base table. You might want to specify EXCLUDING " + feature
                            + " or OVERWRITING " + feature + "."), draft.columnPositions.get(c.name()));
                }
                declared.remove(mine); // OVERWRITING: the declared column takes the source column's place
                draft.columns.add(mine);
                continue;
            }
            draft.columns.add(c);
        }
        draft.columns.addAll(declared);

        if (source.watermarkColumn() != null && s.get(Feature.WATERMARKS) != Strategy.EXCLUDING) {
            if (draft.watermarkColumn == null) {
                draft.watermarkColumn = source.watermarkColumn();
                draft.watermarkExpression = source.watermarkExpression();
            } else if (s.get(Feature.WATERMARKS) == Strategy.INCLUDING) {
                throw TableDraft.at(new ValidationException("There already exists a watermark spec for column '"
                        + source.watermarkColumn() + "' in the base table. You might want to specify EXCLUDING"
                        + " WATERMARKS or OVERWRITING WATERMARKS."), draft.watermarkPosition);
            }
        }
        if (!source.primaryKey().isEmpty() && s.get(Feature.CONSTRAINTS) == Strategy.INCLUDING) {
            if (!draft.primaryKey.isEmpty()) {
                throw TableDraft.at(new ValidationException("The base table already has a primary key. You might want"
                        + " to specify EXCLUDING CONSTRAINTS."), draft.primaryKeyPosition);
            }
            draft.primaryKey = source.primaryKey();
            draft.primaryKeyName = source.primaryKeyName();
        }
        if (!source.partitionKeys().isEmpty() && s.get(Feature.PARTITIONS) == Strategy.INCLUDING) {
            if (!draft.partitionKeys.isEmpty()) {
                throw new ValidationException("The base table already has partitions defined. You might want to"
                        + " specify EXCLUDING PARTITIONS.");
            }
            draft.partitionKeys = source.partitionKeys();
        }
        if (s.get(Feature.OPTIONS) != Strategy.EXCLUDING) {
            Map<String, String> merged = new java.util.LinkedHashMap<>(source.options());
            for (Map.Entry<String, String> e : draft.options.entrySet()) {
                if (merged.containsKey(e.getKey()) && s.get(Feature.OPTIONS) == Strategy.INCLUDING) {
                    throw new ValidationException("There already exists an option ['" + e.getKey() + "' -> '"
                            + merged.get(e.getKey()) + "'] in the base table. You might want to specify EXCLUDING"
                            + " OPTIONS or OVERWRITING OPTIONS.");
                }
                merged.put(e.getKey(), e.getValue());
            }
            draft.options = merged;
        }
    }

    private static CatalogColumn find(List<CatalogColumn> columns, String name) {
        for (CatalogColumn c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
