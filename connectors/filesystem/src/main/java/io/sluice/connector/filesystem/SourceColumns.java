package io.sluice.connector.filesystem;

import io.sluice.connector.filesystem.partition.ConstantColumn;
import io.sluice.connector.filesystem.partition.FileMetadata;
import io.sluice.connector.filesystem.partition.PartitionValues;
import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each column a filesystem reader produces comes from: the data file (decoded by the format), the
 * partition directory, or the file's metadata. The source's full row type is the table's physical columns
 * followed by the requested metadata columns; the data files hold the physical columns without the partition
 * keys. Immutable.
 */
final class SourceColumns {
    private final RowType dataType;
    /** Indexes into {@link #dataType} of the produced data columns, in output order. */
    private final int[] dataFields;
    /** Output position of each produced data column. */
    private final int[] dataOutputs;
    /** Output positions of constant columns (partition or metadata). */
    private final int[] constantOutputs;
    /** For each constant column: its partition key index, or -1 for metadata. */
    private final int[] partitionIndex;
    private final FileMetadata[] metadata;
    private final LogicalType[] constantTypes;
    private final String[] constantNames;

    /**
     * @param physical the table's physical columns
     * @param partitionKeys the partition columns (physical columns)
     * @param metadata the requested metadata (appended after the physical columns), with declared types
     * @param projected indexes into physical + metadata of the produced columns
     */
    SourceColumns(RowType physical, List<String> partitionKeys, List<FileMetadata> metadata,
            List<LogicalType> metadataTypes, int[] projected) {
        this.dataType = dataType(physical, partitionKeys);
        List<Integer> dataF = new ArrayList<>();
        List<Integer> dataO = new ArrayList<>();
        List<Integer> constO = new ArrayList<>();
        List<Integer> partI = new ArrayList<>();
        List<FileMetadata> meta = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int out = 0; out < projected.length; out++) {
            int f = projected[out];
            if (f >= physical.size()) {
                constO.add(out);
                partI.add(-1);
                meta.add(metadata.get(f - physical.size()));
                types.add(metadataTypes.get(f - physical.size()));
                names.add(metadata.get(f - physical.size()).key());
            } else if (partitionKeys.contains(physical.name(f))) {
                constO.add(out);
                partI.add(partitionKeys.indexOf(physical.name(f)));
                meta.add(null);
                types.add(physical.type(f));
                names.add(physical.name(f));
            } else {
                dataF.add(dataType.indexOf(physical.name(f)));
                dataO.add(out);
            }
        }
        this.dataFields = dataF.stream().mapToInt(Integer::intValue).toArray();
        this.dataOutputs = dataO.stream().mapToInt(Integer::intValue).toArray();
        this.constantOutputs = constO.stream().mapToInt(Integer::intValue).toArray();
        this.partitionIndex = partI.stream().mapToInt(Integer::intValue).toArray();
        this.metadata = meta.toArray(new FileMetadata[0]);
        this.constantTypes = types.toArray(new LogicalType[0]);
        this.constantNames = names.toArray(new String[0]);
    }

    /** The physical columns without the partition keys: what the data files hold. */
    static RowType dataType(RowType physical, List<String> partitionKeys) {
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (int i = 0; i < physical.size(); i++) {
            if (!partitionKeys.contains(physical.name(i))) {
                names.add(physical.name(i));
                types.add(physical.type(i));
            }
        }
        return new RowType(names, types);
    }

    RowType dataType() {
        return dataType;
    }

    int[] dataFields() {
        return dataFields;
    }

    int[] dataOutputs() {
        return dataOutputs;
    }

    int[] constantOutputs() {
        return constantOutputs;
    }

    /** True when every produced column comes from the data files. */
    boolean dataOnly() {
        return constantOutputs.length == 0;
    }

    /** The constant columns of one file, in {@link #constantOutputs()} order. */
    ConstantColumn[] constantsOf(Path file, List<String> partitionValues) throws IOException {
        ConstantColumn[] result = new ConstantColumn[constantOutputs.length];
        BasicFileAttributes attributes = null;
        for (int i = 0; i < result.length; i++) {
            Object value;
            if (partitionIndex[i] >= 0) {
                value = PartitionValues.parse(partitionValues.get(partitionIndex[i]), constantTypes[i],
                        constantNames[i], file.getParent().toString());
            } else {
                if (attributes == null) {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                }
                value = metadata[i].value(file, attributes, constantTypes[i]);
            }
            result[i] = new ConstantColumn(constantTypes[i], value);
        }
        return result;
    }
}
