package io.sluice.benchmarks.nexmark;

import io.sluice.runtime.types.LogicalType;
import io.sluice.runtime.types.RowType;
import io.sluice.runtime.types.TypeRoot;
import java.util.List;

/**
 * The three Nexmark tables and their columns, and where their events sit in the event stream.
 *
 * <p>The stream is a sequence of event numbers {@code 0, 1, 2, ...} cut into epochs of
 * {@link NexmarkModel#EPOCH} = 50 events: in each epoch, slot 0 is a person, slots 1 to 3 are
 * auctions and slots 4 to 49 are bids (the standard Nexmark mix of 1 : 3 : 46). A table holds the
 * events of its slots only, but their ids and times are those of the whole stream.
 */
public enum NexmarkTable {
    /** {@code person(id, name, emailAddress, creditCard, city, state, dateTime, extra)}. */
    PERSON(0, 1, new String[] {"id", "name", "emailAddress", "creditCard", "city", "state", "dateTime", "extra"},
            new TypeRoot[] {TypeRoot.BIGINT, TypeRoot.VARCHAR, TypeRoot.VARCHAR, TypeRoot.VARCHAR,
                TypeRoot.VARCHAR, TypeRoot.VARCHAR, TypeRoot.TIMESTAMP, TypeRoot.VARCHAR}),
    /** {@code auction(id, itemName, description, initialBid, reserve, dateTime, expires, seller, category, extra)}. */
    AUCTION(1, 3, new String[] {"id", "itemName", "description", "initialBid", "reserve", "dateTime", "expires",
        "seller", "category", "extra"},
            new TypeRoot[] {TypeRoot.BIGINT, TypeRoot.VARCHAR, TypeRoot.VARCHAR, TypeRoot.BIGINT, TypeRoot.BIGINT,
                TypeRoot.TIMESTAMP, TypeRoot.TIMESTAMP, TypeRoot.BIGINT, TypeRoot.BIGINT, TypeRoot.VARCHAR}),
    /** {@code bid(auction, bidder, price, channel, url, dateTime, extra)}. */
    BID(4, 46, new String[] {"auction", "bidder", "price", "channel", "url", "dateTime", "extra"},
            new TypeRoot[] {TypeRoot.BIGINT, TypeRoot.BIGINT, TypeRoot.BIGINT, TypeRoot.VARCHAR, TypeRoot.VARCHAR,
                TypeRoot.TIMESTAMP, TypeRoot.VARCHAR});

    private final int firstSlot;
    private final int slotsPerEpoch;
    private final String[] columns;
    private final TypeRoot[] roots;

    NexmarkTable(int firstSlot, int slotsPerEpoch, String[] columns, TypeRoot[] roots) {
        this.firstSlot = firstSlot;
        this.slotsPerEpoch = slotsPerEpoch;
        this.columns = columns;
        this.roots = roots;
    }

    /** The first slot of an epoch that holds an event of this table. */
    public int firstSlot() {
        return firstSlot;
    }

    /** How many consecutive slots of each epoch hold events of this table. */
    public int slotsPerEpoch() {
        return slotsPerEpoch;
    }

    /** Column names, in the canonical order. */
    public List<String> columns() {
        return List.of(columns);
    }

    /** The type of column {@code field}: BIGINT, STRING or TIMESTAMP(3). */
    public LogicalType type(int field) {
        switch (roots[field]) {
            case BIGINT:
                return LogicalType.bigint();
            case VARCHAR:
                return LogicalType.string();
            default:
                return LogicalType.timestamp(3);
        }
    }

    /** The type root (BIGINT, VARCHAR or TIMESTAMP) that a declared column must have. */
    TypeRoot root(int field) {
        return roots[field];
    }

    /** The canonical row type (every column, in order), e.g. for DDL. */
    public RowType rowType() {
        LogicalType[] types = new LogicalType[columns.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = type(i);
        }
        return RowType.of(columns.clone(), types);
    }

    /** Index of the column named {@code name} (exact, else ignoring case), or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The column list of a {@code CREATE TABLE} for this table, with backquoted names. */
    public String ddlColumns() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('`').append(columns[i]).append("` ").append(type(i).typeName());
        }
        return sb.toString();
    }
}
