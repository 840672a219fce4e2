package io.sluice.benchmarks;

import io.sluice.benchmarks.nexmark.NexmarkConfig;
import io.sluice.benchmarks.nexmark.NexmarkModel;
import io.sluice.benchmarks.nexmark.NexmarkTable;
import io.sluice.benchmarks.nexmark.NexmarkTableSourceFactory;
import io.sluice.benchmarks.nexmark.ReaderShare;
import io.sluice.table.api.TableEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
     * @param sinkClause what follows the sink's column list: its {@code WITH} clause (and
     *     {@code PARTITIONED BY}); {@link #OUTPUT_DIR} stands for the query's own output directory
     */
    public record Query(String name, String what, List<NexmarkTable> tables, String sinkColumns, String select,
            String sinkClause) {
        /** Stands for the query's output directory in {@link #sinkClause}. */
        public static final String OUTPUT_DIR = "${output-dir}";

        /** A query into a blackhole sink. */
        public Query(String name, String what, List<NexmarkTable> tables, String sinkColumns, String select) {
            this(name, what, tables, sinkColumns, select, "WITH ('connector' = 'blackhole')");
        }

        /** The sink table's name. */
        public String sink() {
            return "sink_" + name;
        }

        /** The {@code CREATE TABLE} of the sink; a file sink writes under {@code outputDir}/name. */
        public String sinkDdl(Path outputDir) {
            return "CREATE TABLE " + sink() + " (" + sinkColumns + ") "
                    + sinkClause.replace(OUTPUT_DIR, outputDir.resolve(name).toString());
        }

        /** Whether the sink writes files (under the output directory given to {@link #sinkDdl}). */
        public boolean writesFiles() {
            return sinkClause.contains(OUTPUT_DIR);
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

    private static final String BID_COLUMNS = "auction BIGINT, bidder BIGINT, price BIGINT, channel STRING,"
            + " url STRING, `dateTime` TIMESTAMP(3), extra STRING";
    private static final String RANKS = ", COUNT(*) FILTER (WHERE price < 10000) AS rank1_bids"
            + ", COUNT(*) FILTER (WHERE price >= 10000 AND price < 1000000) AS rank2_bids"
            + ", COUNT(*) FILTER (WHERE price >= 1000000) AS rank3_bids";
    private static final String DISTINCT_RANKS = ", COUNT(DISTINCT bidder) AS total_bidders"
            + ", COUNT(DISTINCT bidder) FILTER (WHERE price < 10000) AS rank1_bidders"
            + ", COUNT(DISTINCT bidder) FILTER (WHERE price >= 10000 AND price < 1000000) AS rank2_bidders"
            + ", COUNT(DISTINCT bidder) FILTER (WHERE price >= 1000000) AS rank3_bidders"
            + ", COUNT(DISTINCT auction) AS total_auctions"
            + ", COUNT(DISTINCT auction) FILTER (WHERE price < 10000) AS rank1_auctions"
            + ", COUNT(DISTINCT auction) FILTER (WHERE price >= 10000 AND price < 1000000) AS rank2_auctions"
            + ", COUNT(DISTINCT auction) FILTER (WHERE price >= 1000000) AS rank3_auctions";
    private static final String DISTINCT_RANK_COLUMNS = ", total_bidders BIGINT, rank1_bidders BIGINT,"
            + " rank2_bidders BIGINT, rank3_bidders BIGINT, total_auctions BIGINT, rank1_auctions BIGINT,"
            + " rank2_auctions BIGINT, rank3_auctions BIGINT";
    private static final String AUCTION_BID_IN_TIME = "FROM auction A, bid B WHERE A.id = B.auction"
            + " AND B.`dateTime` BETWEEN A.`dateTime` AND A.expires";

    /** q3: local item suggestion: sellers in some states with auctions in category 10. */
    public static final Query Q3 = new Query("q3", "join person/auction, filters",
            List.of(NexmarkTable.AUCTION, NexmarkTable.PERSON), "name STRING, city STRING, state STRING, id BIGINT",
            "SELECT P.name, P.city, P.state, A.id FROM auction AS A INNER JOIN person AS P ON A.seller = P.id"
            + " WHERE A.category = 10 AND (P.state = 'OR' OR P.state = 'ID' OR P.state = 'CA')");
    /** q4: average closing price per category (max bid of each auction while it is open). */
    public static final Query Q4 = new Query("q4", "join + max per auction + avg per category (updating)",
            List.of(NexmarkTable.AUCTION, NexmarkTable.BID), "id BIGINT, final BIGINT",
            "SELECT Q.category, AVG(Q.final) FROM ("
            + " SELECT MAX(B.price) AS final, A.category " + AUCTION_BID_IN_TIME
            + " GROUP BY A.id, A.category) Q GROUP BY Q.category");
    /** q6: average closing price of each seller's last 10 auctions (OVER ROWS over an updating Top-1). */
    public static final Query Q6 = new Query("q6", "Top-1 per auction, then OVER ROWS avg per seller",
            List.of(NexmarkTable.AUCTION, NexmarkTable.BID), "seller BIGINT, avg_price BIGINT",
            "SELECT Q.seller, AVG(Q.price) OVER (PARTITION BY Q.seller ORDER BY Q.`dateTime`"
            + " ROWS BETWEEN 10 PRECEDING AND CURRENT ROW) FROM ("
            + " SELECT *, ROW_NUMBER() OVER (PARTITION BY id, seller ORDER BY price DESC) AS rownum FROM ("
            + "  SELECT A.id, A.seller, B.price, B.`dateTime` " + AUCTION_BID_IN_TIME + ")"
            + ") AS Q WHERE Q.rownum <= 1");
    /** q9: the winning bid of each auction (Top-1 over a join). */
    public static final Query Q9 = new Query("q9", "join + Top-1 per auction",
            List.of(NexmarkTable.AUCTION, NexmarkTable.BID),
            "id BIGINT, itemName STRING, description STRING, initialBid BIGINT, reserve BIGINT,"
            + " `dateTime` TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra STRING,"
            + " auction BIGINT, bidder BIGINT, price BIGINT, bid_dateTime TIMESTAMP(3), bid_extra STRING",
            "SELECT id, itemName, description, initialBid, reserve, `dateTime`, expires, seller, category, extra,"
            + " auction, bidder, price, bid_dateTime, bid_extra FROM ("
            + " SELECT A.*, B.auction, B.bidder, B.price, B.`dateTime` AS bid_dateTime, B.extra AS bid_extra,"
            + "  ROW_NUMBER() OVER (PARTITION BY A.id ORDER BY B.price DESC, B.`dateTime` ASC) AS rownum "
            + AUCTION_BID_IN_TIME + ") WHERE rownum <= 1");
    /** q10: bids logged to a filesystem sink partitioned by day and minute. */
    public static final Query Q10 = new Query("q10", "partitioned filesystem sink (CSV)", List.of(NexmarkTable.BID),
            "auction BIGINT, bidder BIGINT, price BIGINT, `dateTime` TIMESTAMP(3), extra STRING, dt STRING, hm STRING",
            "SELECT auction, bidder, price, `dateTime`, extra, DATE_FORMAT(`dateTime`, 'yyyy-MM-dd'),"
            + " DATE_FORMAT(`dateTime`, 'HH:mm') FROM bid",
            "PARTITIONED BY (dt, hm) WITH ('connector' = 'filesystem', 'path' = '" + Query.OUTPUT_DIR + "',"
            + " 'format' = 'csv', 'sink.partition-commit.trigger' = 'partition-time',"
            + " 'sink.partition-commit.delay' = '1 min', 'sink.partition-commit.policy.kind' = 'success-file',"
            + " 'partition.time-extractor.timestamp-pattern' = '$dt $hm:00',"
            + " 'sink.rolling-policy.rollover-interval' = '1min', 'sink.rolling-policy.check-interval' = '1min')");
    /** q11: bids per bidder session (gap 10 s). */
    public static final Query Q11 = new Query("q11", "SESSION window per bidder", List.of(NexmarkTable.BID),
            "bidder BIGINT, bid_count BIGINT, starttime TIMESTAMP(3), endtime TIMESTAMP(3)",
            "SELECT bidder, COUNT(*) AS bid_count, window_start AS starttime, window_end AS endtime"
            + " FROM TABLE(SESSION(TABLE bid PARTITION BY bidder, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND))"
            + " GROUP BY bidder, window_start, window_end");
    /** q12: bids per bidder in 10 s processing-time tumbling windows. */
    public static final Query Q12 = new Query("q12", "processing-time TUMBLE per bidder", List.of(NexmarkTable.BID),
            "bidder BIGINT, bid_count BIGINT, starttime TIMESTAMP(3), endtime TIMESTAMP(3)",
            "SELECT bidder, COUNT(*) AS bid_count, window_start AS starttime, window_end AS endtime"
            + " FROM TABLE(TUMBLE(TABLE bid_proctime, DESCRIPTOR(p_time), INTERVAL '10' SECOND))"
            + " GROUP BY bidder, window_start, window_end");
    /** q13: bids joined with a bounded side input (a processing-time lookup join on a file). */
    public static final Query Q13 = new Query("q13", "lookup join with a side-input file", List.of(NexmarkTable.BID),
            "auction BIGINT, bidder BIGINT, price BIGINT, `dateTime` TIMESTAMP(3), `value` STRING",
            "SELECT B.auction, B.bidder, B.price, B.`dateTime`, S.`value`"
            + " FROM (SELECT *, PROCTIME() AS p_time FROM bid) B"
            + " JOIN side_input FOR SYSTEM_TIME AS OF B.p_time AS S ON MOD(B.auction, 10000) = S.key");
    /** q14: filter + CASE + a scalar UDF ({@link CountChar}). */
    public static final Query Q14 = new Query("q14", "filter + CASE + scalar UDF (count_char)",
            List.of(NexmarkTable.BID),
            "auction BIGINT, bidder BIGINT, price DECIMAL(23, 3), bidTimeType STRING, `dateTime` TIMESTAMP(3),"
            + " extra STRING, c_counts BIGINT",
            "SELECT auction, bidder, 0.908 * price AS price, CASE"
            + " WHEN HOUR(`dateTime`) >= 8 AND HOUR(`dateTime`) <= 18 THEN 'dayTime'"
            + " WHEN HOUR(`dateTime`) <= 6 OR HOUR(`dateTime`) >= 20 THEN 'nightTime'"
            + " ELSE 'otherTime' END AS bidTimeType, `dateTime`, extra, count_char(extra, 'c') AS c_counts"
            + " FROM bid WHERE 0.908 * price > 1000000 AND 0.908 * price < 50000000");
    /** q15: bidding statistics per day, COUNT DISTINCT with FILTER. */
    public static final Query Q15 = new Query("q15", "COUNT DISTINCT with FILTER per day", List.of(NexmarkTable.BID),
            "`day` STRING, total_bids BIGINT, rank1_bids BIGINT, rank2_bids BIGINT, rank3_bids BIGINT"
            + DISTINCT_RANK_COLUMNS,
            "SELECT DATE_FORMAT(`dateTime`, 'yyyy-MM-dd') AS `day`, COUNT(*) AS total_bids" + RANKS + DISTINCT_RANKS
            + " FROM bid GROUP BY DATE_FORMAT(`dateTime`, 'yyyy-MM-dd')");
    /** q16: bidding statistics per channel and day. */
    public static final Query Q16 = new Query("q16", "COUNT DISTINCT per channel/day (updating)",
            List.of(NexmarkTable.BID),
            "channel STRING, `day` STRING, `minute` STRING, total_bids BIGINT, rank1_bids BIGINT, rank2_bids BIGINT,"
            + " rank3_bids BIGINT" + DISTINCT_RANK_COLUMNS,
            "SELECT channel, DATE_FORMAT(`dateTime`, 'yyyy-MM-dd') AS `day`,"
            + " MAX(DATE_FORMAT(`dateTime`, 'HH:mm')) AS `minute`, COUNT(*) AS total_bids" + RANKS + DISTINCT_RANKS
            + " FROM bid GROUP BY channel, DATE_FORMAT(`dateTime`, 'yyyy-MM-dd')");
    /** q17: auction statistics per day. */
    public static final Query Q17 = new Query("q17", "group aggregates per auction/day", List.of(NexmarkTable.BID),
            "auction BIGINT, `day` STRING, total_bids BIGINT, rank1_bids BIGINT, rank2_bids BIGINT,"
            + " rank3_bids BIGINT, min_price BIGINT, max_price BIGINT, avg_price BIGINT, sum_price BIGINT",
            "SELECT auction, DATE_FORMAT(`dateTime`, 'yyyy-MM-dd') AS `day`, COUNT(*) AS total_bids" + RANKS
            + ", MIN(price) AS min_price, MAX(price) AS max_price, AVG(price) AS avg_price, SUM(price) AS sum_price"
            + " FROM bid GROUP BY auction, DATE_FORMAT(`dateTime`, 'yyyy-MM-dd')");
    /** q18: the last bid of each bidder on each auction (deduplication). */
    public static final Query Q18 = new Query("q18", "deduplication: last bid per bidder/auction",
            List.of(NexmarkTable.BID), BID_COLUMNS,
            "SELECT auction, bidder, price, channel, url, `dateTime`, extra FROM ("
            + " SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder, auction ORDER BY `dateTime` DESC) AS rank_number"
            + " FROM bid) WHERE rank_number <= 1");
    /** q19: the 10 highest bids of each auction. */
    public static final Query Q19 = new Query("q19", "Top-10 per auction", List.of(NexmarkTable.BID),
            BID_COLUMNS + ", rank_number BIGINT",
            "SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC) AS rank_number"
            + " FROM bid) WHERE rank_number <= 10");
    /** q20: bids with the auction they are for, auctions of category 10 only. */
    public static final Query Q20 = new Query("q20", "join bid/auction with filter",
            List.of(NexmarkTable.BID, NexmarkTable.AUCTION),
            "auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, bid_dateTime TIMESTAMP(3),"
            + " bid_extra STRING, itemName STRING, description STRING, initialBid BIGINT, reserve BIGINT,"
            + " auction_dateTime TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT,"
            + " auction_extra STRING",
            "SELECT auction, bidder, price, channel, url, B.`dateTime`, B.extra, itemName, description, initialBid,"
            + " reserve, A.`dateTime`, expires, seller, category, A.extra"
            + " FROM bid AS B INNER JOIN auction AS A ON B.auction = A.id WHERE A.category = 10");
    /** q21: channel id from the channel name or the URL (CASE, LOWER, REGEXP_EXTRACT). */
    public static final Query Q21 = new Query("q21", "regex/CASE projection", List.of(NexmarkTable.BID),
            "auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, channel_id STRING",
            "SELECT auction, bidder, price, channel, CASE"
            + " WHEN LOWER(channel) = 'apple' THEN '0' WHEN LOWER(channel) = 'google' THEN '1'"
            + " WHEN LOWER(channel) = 'facebook' THEN '2' WHEN LOWER(channel) = 'baidu' THEN '3'"
            + " ELSE REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) END AS channel_id FROM bid"
            + " WHERE REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) IS NOT NULL"
            + " OR LOWER(channel) IN ('apple', 'google', 'facebook', 'baidu')");
    /** q22: the first three directories of each bid's URL (SPLIT_INDEX). */
    public static final Query Q22 = new Query("q22", "SPLIT_INDEX projection", List.of(NexmarkTable.BID),
            "auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, dir1 STRING, dir2 STRING, dir3 STRING",
            "SELECT auction, bidder, price, channel, SPLIT_INDEX(url, '/', 3) AS dir1, SPLIT_INDEX(url, '/', 4) AS dir2,"
            + " SPLIT_INDEX(url, '/', 5) AS dir3 FROM bid");

    /** Rows of table {@code t} in a stream of {@code events} events. */
    public static long tableRows(NexmarkTable t, long events) {
        return new ReaderShare(NexmarkConfig.of(t, events, 0), 0, 1).rows();
    }

    /** Every query, in order. */
    public static final List<Query> ALL = List.of(Q0, Q1, Q2, Q3, Q4, Q5, Q6, Q7, Q8, Q9, Q10, Q11, Q12, Q13, Q14,
            Q15, Q16, Q17, Q18, Q19, Q20, Q21, Q22);

    private NexmarkQueries() {
    }

    /** The query named {@code name} (e.g. {@code q7}). */
    public static Query byName(String name) {
        for (Query q : ALL) {
            if (q.name().equalsIgnoreCase(name)) {
                return q;
            }
        }
        throw new IllegalArgumentException("no Nexmark query " + name + "; known: q0 to q22");
    }

    /** Keys of the side-input table of q13 ({@code 0 <= key < SIDE_INPUT_KEYS}). */
    public static final int SIDE_INPUT_KEYS = 10_000;

    /**
     * Declares {@code person}, {@code auction} and {@code bid} over a stream of {@code events} events
     * (seed {@code seed}), the side input of q13 and the {@code count_char} function of q14 in {@code env}
     * ({@link #declareSink} declares each query's sink). The side-input file goes under {@code workDir}.
     */
    public static void declareTables(TableEnvironment env, long events, long seed, Path workDir) throws IOException {
        List<String> ddl = new ArrayList<>();
        for (NexmarkTable t : NexmarkTable.values()) {
            String name = t.name().toLowerCase(Locale.ROOT);
            ddl.add("CREATE TABLE " + name + " (" + t.ddlColumns()
                    + ", WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND) WITH ("
                    + generatorOptions(t, events, seed) + ")");
        }
        writeSideInput(workDir);
        ddl.addAll(commonStatements(workDir));
        execute(env, ddl);
    }

    private static String generatorOptions(NexmarkTable t, long events, long seed) {
        return "'connector' = '" + NexmarkTableSourceFactory.IDENTIFIER + "', 'table' = '"
                + t.name().toLowerCase(Locale.ROOT) + "', 'events' = '" + events + "', 'seed' = '" + seed + "', "
                + "'events-per-second' = '" + NexmarkModel.DEFAULT_EVENTS_PER_SECOND + "'";
    }

    /**
     * Like {@link #declareTables} but {@code person}, {@code auction} and {@code bid} read CSV files
     * under {@code dir} (one directory per table) through the {@code filesystem} connector, as Flink's
     * baseline does; {@link #writeCsv} writes them. q10 writes under {@link #outputDir}.
     */
    public static void declareCsvTables(TableEnvironment env, Path dir) {
        execute(env, csvTableStatements(dir));
    }

    /** Where the queries that write files (q10) write, for the CSV tables under {@code dir}. */
    public static Path outputDir(Path dir) {
        return dir.resolve("output");
    }

    /**
     * The statements that declare the CSV tables under {@code dir}, the side input and the view of q12
     * (not the function {@code count_char}, which each engine registers from its own class).
     */
    public static List<String> csvTableStatements(Path dir) {
        List<String> ddl = new ArrayList<>();
        for (NexmarkTable t : NexmarkTable.values()) {
            String name = t.name().toLowerCase(Locale.ROOT);
            ddl.add("CREATE TABLE " + name + " (" + t.ddlColumns()
                    + ", WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND) WITH ("
                    + "'connector' = 'filesystem', 'format' = 'csv', 'path' = '" + dir.resolve(name) + "')");
        }
        ddl.addAll(commonStatements(dir));
        return ddl;
    }

    private static List<String> commonStatements(Path dir) {
        return List.of("CREATE TABLE side_input (key BIGINT, `value` STRING) WITH ('connector' = 'filesystem',"
                + " 'format' = 'csv', 'path' = '" + dir.resolve("side_input") + "')",
                "CREATE VIEW bid_proctime AS SELECT *, PROCTIME() AS p_time FROM bid");
    }

    private static void execute(TableEnvironment env, List<String> ddl) {
        for (String statement : ddl) {
            env.executeSql(statement);
        }
        env.createTemporarySystemFunction("count_char", CountChar.class);
    }

    /**
     * Declares the sink of {@code q} in {@code env} (a file sink writes under {@code outputDir}/name):
     * apart from the tables, as a sink's options are a part of the query that may fail.
     */
    public static void declareSink(TableEnvironment env, Query q, Path outputDir) {
        env.executeSql(q.sinkDdl(outputDir));
    }

    /** Writes the side-input file of q13 under {@code dir}/side_input unless it exists. */
    public static void writeSideInput(Path dir) throws IOException {
        Path file = dir.resolve("side_input").resolve("side_input.csv");
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.getParent());
        StringBuilder sb = new StringBuilder();
        for (int key = 0; key < SIDE_INPUT_KEYS; key++) {
            sb.append(key).append(",value-").append(key).append('\n');
        }
        Files.writeString(file, sb);
    }

    /**
     * Writes the three generated tables of a stream of {@code events} events as CSV files under
     * {@code dir}, {@code files} part files per table (the generator's parallel shares, so each file's
     * event time never decreases and the files' times advance side by side), and the side input of q13,
     * unless {@code dir} exists.
     */
    public static void writeCsv(long events, long seed, Path dir, int files) throws Exception {
        if (Files.isDirectory(dir)) {
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
        writeSideInput(dir);
    }

    /**
     * Writes what a peer engine needs to run the queries on the CSV tables under {@code dir}: one statement
     * a line; the lines after {@code -- setup} declare the tables, and each {@code -- query NAME TABLES}
     * line (TABLES: the tables it reads, comma-separated) is followed by its sink's DDL and its INSERT.
     */
    public static void writeScript(Path dir, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("-- setup");
        lines.addAll(csvTableStatements(dir));
        for (Query q : ALL) {
            StringBuilder tables = new StringBuilder();
            for (NexmarkTable t : q.tables()) {
                tables.append(tables.length() == 0 ? "" : ",").append(t.name().toLowerCase(Locale.ROOT));
            }
            lines.add("-- query " + q.name() + " " + tables);
            lines.add(q.sinkDdl(outputDir(dir)));
            lines.add(q.insert());
        }
        Files.write(file, lines);
    }
}
