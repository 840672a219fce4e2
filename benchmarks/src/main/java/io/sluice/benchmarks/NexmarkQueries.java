package io.sluice.benchmarks;

import io.sluice.benchmarks.nexmark.NexmarkConfig;
import io.sluice.benchmarks.nexmark.NexmarkModel;
import io.sluice.benchmarks.nexmark.NexmarkTable;
import io.sluice.benchmarks.nexmark.NexmarkTableSourceFactory;
import io.sluice.benchmarks.nexmark.ReaderShare;
import io.sluice.table.api.TableEnvironment;
import java.util.List;
import java.util.Locale;

/**
 * The Nexmark queries of the benchmark, in the Flink SQL (window TVF) forms that Flink's own
 * Nexmark suite runs, over the {@code person}, {@code auction} and {@code bid} tables of the
 * {@code 'nexmark'} connector with {@code WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND}.
 * Each query writes into its own blackhole sink.
 */
public final class NexmarkQueries {
    /**
     * One benchmark query.
     *
     * @param name e.g. {@code q5}
     * @param what what it stresses
     * @param tables the tables it reads (their rows are the "events" of events/s)
     * @param sinkColumns the column list of its sink
     * @param select the query
     */
    public record Query(String name, String what, List<NexmarkTable> tables, String sinkColumns, String select) {
        /** The sink table's name. */
        public String sink() {
            return "sink_" + name;
        }

        /** The {@code INSERT INTO} statement that the benchmark times. */
        public String insert() {
            return "INSERT INTO " + sink() + " " + select;
        }

        /** Rows of the tables this query reads, for a stream of {@code events} events. */
        public long inputRows(long events) {
            long rows = 0;
            for (NexmarkTable t : tables) {
                rows += tableRows(t, events);
            }
            return rows;
        }
    }

    /** q0: pass-through of bids. */
    public static final Query Q0 = new Query("q0", "pass-through", List.of(NexmarkTable.BID),
            "auction BIGINT, bidder BIGINT, price BIGINT, `dateTime` TIMESTAMP(3), extra STRING",
            "SELECT auction, bidder, price, `dateTime`, extra FROM bid");
    /** q1: currency conversion (DECIMAL arithmetic). */
    public static final Query Q1 = new Query("q1", "projection + arithmetic", List.of(NexmarkTable.BID),
            "auction BIGINT, bidder BIGINT, price DECIMAL(23, 3), `dateTime` TIMESTAMP(3), extra STRING",
            "SELECT auction, bidder, 0.908 * price AS price, `dateTime`, extra FROM bid");
    /** q2: selection. */
    public static final Query Q2 = new Query("q2", "filter", List.of(NexmarkTable.BID),
            "auction BIGINT, price BIGINT",
            "SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0");
    /** q5: hot items: bids per auction in 10 s windows sliding by 2 s, auctions with the most bids. */
    public static final Query Q5 = new Query("q5", "HOP window count + max + join", List.of(NexmarkTable.BID),
            "auction BIGINT, num BIGINT",
            "SELECT AuctionBids.auction, AuctionBids.num FROM ("
            + " SELECT auction, COUNT(*) AS num, window_start AS starttime, window_end AS endtime"
            + " FROM TABLE(HOP(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '2' SECOND, INTERVAL '10' SECOND))"
            + " GROUP BY auction, window_start, window_end"
            + ") AS AuctionBids JOIN ("
            + " SELECT MAX(CountBids.num) AS maxn, CountBids.starttime, CountBids.endtime FROM ("
            + "  SELECT COUNT(*) AS num, window_start AS starttime, window_end AS endtime"
            + "  FROM TABLE(HOP(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '2' SECOND, INTERVAL '10' SECOND))"
            + "  GROUP BY auction, window_start, window_end"
            + " ) AS CountBids GROUP BY CountBids.starttime, CountBids.endtime"
            + ") AS MaxBids ON AuctionBids.starttime = MaxBids.starttime AND AuctionBids.endtime = MaxBids.endtime"
            + " AND AuctionBids.num >= MaxBids.maxn");
    /** q7: highest bid per 10 s tumbling window, joined back to the bids. */
    public static final Query Q7 = new Query("q7", "TUMBLE max joined back to bids", List.of(NexmarkTable.BID),
            "auction BIGINT, price BIGINT, bidder BIGINT, `dateTime` TIMESTAMP(3), extra STRING",
            "SELECT B.auction, B.price, B.bidder, B.`dateTime`, B.extra FROM bid B JOIN ("
            + " SELECT MAX(price) AS maxprice, window_end AS `dateTime`"
            + " FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))"
            + " GROUP BY window_start, window_end"
            + ") B1 ON B.price = B1.maxprice"
            + " WHERE B.`dateTime` BETWEEN B1.`dateTime` - INTERVAL '10' SECOND AND B1.`dateTime`");
    /** q8: persons who created an auction in the same 10 s tumbling window. */
    public static final Query Q8 = new Query("q8", "TUMBLE windows of person and auction joined",
            List.of(NexmarkTable.PERSON, NexmarkTable.AUCTION),
            "id BIGINT, name STRING, starttime TIMESTAMP(3)",
            "SELECT P.id, P.name, P.starttime FROM ("
            + " SELECT id, name, window_start AS starttime, window_end AS endtime"
            + " FROM TABLE(TUMBLE(TABLE person, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))"
            + " GROUP BY id, name, window_start, window_end"
            + ") P JOIN ("
            + " SELECT seller, window_start AS starttime, window_end AS endtime"
            + " FROM TABLE(TUMBLE(TABLE auction, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))"
            + " GROUP BY seller, window_start, window_end"
            + ") A ON P.id = A.seller AND P.starttime = A.starttime AND P.endtime = A.endtime");

    /** Rows of table {@code t} in a stream of {@code events} events. */
    public static long tableRows(NexmarkTable t, long events) {
        return new ReaderShare(NexmarkConfig.of(t, events, 0), 0, 1).rows();
    }

    /** Every query, in order. */
    public static final List<Query> ALL = List.of(Q0, Q1, Q2, Q5, Q7, Q8);

    private NexmarkQueries() {
    }

    /** The query named {@code name} (e.g. {@code q7}). */
    public static Query byName(String name) {
        for (Query q : ALL) {
            if (q.name().equalsIgnoreCase(name)) {
                return q;
            }
        }
        throw new IllegalArgumentException("no Nexmark query " + name + "; known: q0 q1 q2 q5 q7 q8");
    }

    /**
     * Declares {@code person}, {@code auction} and {@code bid} over a stream of {@code events} events
     * (seed {@code seed}) and one blackhole sink per query in {@code env}.
     */
    public static void declareTables(TableEnvironment env, long events, long seed) {
        for (NexmarkTable t : NexmarkTable.values()) {
            String name = t.name().toLowerCase(Locale.ROOT);
            env.executeSql("CREATE TABLE " + name + " (" + t.ddlColumns()
                    + ", WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND) WITH ("
                    + generatorOptions(t, events, seed) + ")");
        }
        declareSinks(env);
    }

    private static String generatorOptions(NexmarkTable t, long events, long seed) {
        return "'connector' = '" + NexmarkTableSourceFactory.IDENTIFIER + "', 'table' = '"
                + t.name().toLowerCase(Locale.ROOT) + "', 'events' = '" + events + "', 'seed' = '" + seed + "', "
                + "'events-per-second' = '" + NexmarkModel.DEFAULT_EVENTS_PER_SECOND + "'";
    }

    /**
     * Like {@link #declareTables} but {@code person}, {@code auction} and {@code bid} read CSV files
     * under {@code dir} (one directory per table) through the {@code filesystem} connector, as Flink's
     * baseline does; {@link #writeCsv} writes them.
     */
    public static void declareCsvTables(TableEnvironment env, java.nio.file.Path dir) {
        for (NexmarkTable t : NexmarkTable.values()) {
            String name = t.name().toLowerCase(Locale.ROOT);
            env.executeSql("CREATE TABLE " + name + " (" + t.ddlColumns()
                    + ", WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND) WITH ("
                    + "'connector' = 'filesystem', 'format' = 'csv', 'path' = '" + dir.resolve(name) + "')");
        }
        declareSinks(env);
    }

    /**
     * Writes the three generated tables of a stream of {@code events} events as CSV files under
     * {@code dir}, {@code files} part files per table (the generator's parallel shares, so each file's
     * event time never decreases and the files' times advance side by side), unless {@code dir} exists.
     */
    public static void writeCsv(long events, long seed, java.nio.file.Path dir, int files) throws Exception {
        if (java.nio.file.Files.isDirectory(dir)) {
            return;
        }
        TableEnvironment env = TableEnvironment.create(io.sluice.table.api.EnvironmentSettings.inBatchMode());
        env.getConfig().set("parallelism.default", Integer.toString(files));
        for (NexmarkTable t : NexmarkTable.values()) {
            String name = t.name().toLowerCase(Locale.ROOT);
            env.executeSql("CREATE TABLE gen_" + name + " (" + t.ddlColumns() + ") WITH ("
                    + generatorOptions(t, events, seed) + ")");
            env.executeSql("CREATE TABLE csv_" + name + " (" + t.ddlColumns() + ") WITH ("
                    + "'connector' = 'filesystem', 'format' = 'csv', 'path' = '" + dir.resolve(name) + "')");
            env.executeSql("INSERT INTO csv_" + name + " SELECT * FROM gen_" + name).await();
        }
    }

    private static void declareSinks(TableEnvironment env) {
        for (Query q : ALL) {
            env.executeSql("CREATE TABLE " + q.sink() + " (" + q.sinkColumns() + ") WITH ('connector' = 'blackhole')");
        }
    }
}
