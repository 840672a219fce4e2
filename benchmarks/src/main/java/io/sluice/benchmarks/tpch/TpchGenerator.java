package io.sluice.benchmarks.tpch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Generates the eight TPC-H tables at a scale factor with the specification's cardinalities, key
 * structure and value distributions (clause 4.2.3): sparse order keys (8 of every 32), customers with a
 * key divisible by 3 placing no orders, four suppliers per part by the specification's formula, line item
 * prices from the part's retail price, ship/commit/receipt dates from the order date, return flags and line
 * status from the 1995-06-17 current date, order status and total price from the order's line items.
 *
 * <p>Each table is written as {@code parts} files {@code <dir>/<table>/part-<k>.tbl} of {@code |}-delimited
 * rows without a trailing delimiter (so parallel readers can split them), generated in parallel; each
 * part has its own seeded random stream, so the output does not depend on the number of threads.
 */
public final class TpchGenerator {
    static final int START_DAY = (int) LocalDate.of(1992, 1, 1).toEpochDay();
    static final int END_DAY = (int) LocalDate.of(1998, 12, 31).toEpochDay();
    static final int CURRENT_DAY = (int) LocalDate.of(1995, 6, 17).toEpochDay();
    private static final long SEED = 19_920_101L;

    private final double scaleFactor;
    private final int parts;

    /** A generator of the tables at {@code scaleFactor} (e.g. 1, 10 or 0.01), each table in {@code parts} files. */
    public TpchGenerator(double scaleFactor, int parts) {
        if (!(scaleFactor > 0) || parts < 1) {
            throw new IllegalArgumentException("scale factor must be positive and parts at least 1: "
                + scaleFactor + ", " + parts);
        }
        this.scaleFactor = scaleFactor;
        this.parts = parts;
    }

    /** Rows of suppliers. */
    public long suppliers() {
        return scaled(10_000);
    }

    /** Rows of parts (partsupp has four per part). */
    public long partCount() {
        return scaled(200_000);
    }

    /** Rows of customers. */
    public long customers() {
        return scaled(150_000);
    }

    /** Rows of orders (lineitem has 1 to 7 per order). */
    public long orders() {
        return scaled(1_500_000);
    }

    private long scaled(long base) {
        return Math.max(1, (long) (base * scaleFactor));
    }

    /** The order key of the {@code index}-th order (1-based): keys are sparse, the first 8 of every 32. */
    static long orderKey(long index) {
        return ((index - 1) >>> 3 << 5) + ((index - 1) & 7) + 1;
    }

    /** The {@code i}-th (0..3) supplier of part {@code partKey} among {@code suppliers}. */
    static long partSupplier(long partKey, int i, long suppliers) {
        return (partKey + i * (suppliers / 4 + (partKey - 1) / suppliers)) % suppliers + 1;
    }

    /** The retail price of part {@code partKey}, in cents. */
    static long retailPriceCents(long partKey) {
        return 90_000 + (partKey / 10) % 20_001 + 100 * (partKey % 1_000);
    }

    /**
     * Writes all tables under {@code dir} and returns the rows written per table.
     *
     * @throws IOException if a file cannot be written
     */
    public Map<TpchTable, Long> write(Path dir, int threads) throws IOException {
        AtomicLongArray counts = new AtomicLongArray(TpchTable.values().length);
        for (TpchTable t : TpchTable.values()) {
            Files.createDirectories(dir.resolve(t.tableName()));
        }
        List<Runnable> tasks = new ArrayList<>();
        tasks.add(() -> region(dir, counts));
        tasks.add(() -> nation(dir, counts));
        for (int k = 0; k < parts; k++) {
            int part = k;
            tasks.add(() -> supplier(dir, part, counts));
            tasks.add(() -> part(dir, part, counts));
            tasks.add(() -> customer(dir, part, counts));
            tasks.add(() -> ordersAndLineitems(dir, part, counts));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable task : tasks) {
                futures.add(pool.submit(task));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException("generating the TPC-H tables failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Map<TpchTable, Long> result = new EnumMap<>(TpchTable.class);
        for (TpchTable t : TpchTable.values()) {
            result.put(t, counts.get(t.ordinal()));
        }
        return result;
    }

    private long from(long total, int part) {
        return total * part / parts + 1;
    }

    private long to(long total, int part) {
        return total * (part + 1) / parts;
    }

    private static SplittableRandom random(TpchTable table, int part) {
        return new SplittableRandom(SEED * 31 + table.ordinal() * 1_000_003L + part);
    }

    private void region(Path dir, AtomicLongArray counts) {
        SplittableRandom r = random(TpchTable.REGION, 0);
        try (RowWriter w = new RowWriter(dir, TpchTable.REGION, 0)) {
            for (int i = 0; i < TpchText.REGIONS.length; i++) {
                StringBuilder row = w.row();
                row.append(i).append('|').append(TpchText.REGIONS[i]).append('|');
                TpchText.comment(r, 31, 115, row);
                w.end();
            }
            counts.addAndGet(TpchTable.REGION.ordinal(), w.rows);
        }
    }

    private void nation(Path dir, AtomicLongArray counts) {
        SplittableRandom r = random(TpchTable.NATION, 0);
        try (RowWriter w = new RowWriter(dir, TpchTable.NATION, 0)) {
            for (int i = 0; i < TpchText.NATIONS.length; i++) {
                StringBuilder row = w.row();
                row.append(i).append('|').append(TpchText.NATIONS[i]).append('|')
                    .append(TpchText.NATION_REGION[i]).append('|');
                TpchText.comment(r, 31, 114, row);
                w.end();
            }
            counts.addAndGet(TpchTable.NATION.ordinal(), w.rows);
        }
    }

    private void supplier(Path dir, int part, AtomicLongArray counts) {
        SplittableRandom r = random(TpchTable.SUPPLIER, part);
        long total = suppliers();
        try (RowWriter w = new RowWriter(dir, TpchTable.SUPPLIER, part)) {
            for (long key = from(total, part); key <= to(total, part); key++) {
                StringBuilder row = w.row();
                int nation = r.nextInt(25);
                row.append(key).append('|');
                padded(row.append("Supplier#"), key, 9).append('|');
                TpchText.vstring(r, 10, 40, row);
                row.append('|').append(nation).append('|');
                phone(r, nation, row).append('|');
                cents(row, r.nextLong(-99_999, 1_000_000)).append('|');
                // 5 in 10,000 suppliers complain and 5 recommend (clause 4.2.3, s_comment)
                int kind = r.nextInt(10_000);
                if (kind < 10) {
                    int start = row.length();
                    TpchText.comment(r, 25, 100, row);
                    String word = kind < 5 ? "Complaints" : "Recommends";
                    String text = row.substring(start);
                    int at = r.nextInt(Math.max(1, text.length() - 20 - word.length()));
                    String withBbb = text.substring(0, at) + "Customer " + word + text.substring(at);
                    row.setLength(start);
                    row.append(withBbb, 0, Math.min(withBbb.length(), 100));
                } else {
                    TpchText.comment(r, 25, 100, row);
                }
                w.end();
            }
            counts.addAndGet(TpchTable.SUPPLIER.ordinal(), w.rows);
        }
    }

    private void part(Path dir, int part, AtomicLongArray counts) {
        SplittableRandom r = random(TpchTable.PART, part);
        SplittableRandom rs = random(TpchTable.PARTSUPP, part);
        long total = partCount();
        long suppliers = suppliers();
        String[] name = new String[5];
        try (RowWriter w = new RowWriter(dir, TpchTable.PART, part);
            RowWriter ps = new RowWriter(dir, TpchTable.PARTSUPP, part)) {
            for (long key = from(total, part); key <= to(total, part); key++) {
                StringBuilder row = w.row();
                row.append(key).append('|');
                distinctColors(r, name);
                for (int i = 0; i < 5; i++) {
                    row.append(i == 0 ? "" : " ").append(name[i]);
                }
                int m = 1 + r.nextInt(5);
                row.append("|Manufacturer#").append(m).append("|Brand#").append(m).append(1 + r.nextInt(5))
                    .append('|').append(TpchText.pick(r, TpchText.TYPE_1)).append(' ')
                    .append(TpchText.pick(r, TpchText.TYPE_2)).append(' ').append(TpchText.pick(r, TpchText.TYPE_3))
                    .append('|').append(1 + r.nextInt(50)).append('|')
                    .append(TpchText.pick(r, TpchText.CONTAINER_1)).append(' ')
                    .append(TpchText.pick(r, TpchText.CONTAINER_2)).append('|');
                cents(row, retailPriceCents(key)).append('|');
                TpchText.comment(r, 5, 22, row);
                w.end();
                for (int i = 0; i < 4; i++) {
                    StringBuilder s = ps.row();
                    s.append(key).append('|').append(partSupplier(key, i, suppliers)).append('|')
                        .append(1 + rs.nextInt(9_999)).append('|');
                    cents(s, 100 + rs.nextInt(99_901)).append('|');
                    TpchText.comment(rs, 49, 198, s);
                    ps.end();
                }
            }
            counts.addAndGet(TpchTable.PART.ordinal(), w.rows);
            counts.addAndGet(TpchTable.PARTSUPP.ordinal(), ps.rows);
        }
    }

    private static void distinctColors(SplittableRandom r, String[] name) {
        for (int i = 0; i < name.length; i++) {
            String c;
            boolean again;
            do {
                c = TpchText.pick(r, TpchText.COLORS);
                again = false;
                for (int j = 0; j < i; j++) {
                    again |= name[j].equals(c);
                }
            } while (again);
            name[i] = c;
        }
    }

    private void customer(Path dir, int part, AtomicLongArray counts) {
        SplittableRandom r = random(TpchTable.CUSTOMER, part);
        long total = customers();
        try (RowWriter w = new RowWriter(dir, TpchTable.CUSTOMER, part)) {
            for (long key = from(total, part); key <= to(total, part); key++) {
                StringBuilder row = w.row();
                int nation = r.nextInt(25);
                row.append(key).append('|');
                padded(row.append("Customer#"), key, 9).append('|');
                TpchText.vstring(r, 10, 40, row);
                row.append('|').append(nation).append('|');
                phone(r, nation, row).append('|');
                cents(row, r.nextLong(-99_999, 1_000_000)).append('|')
                    .append(TpchText.pick(r, TpchText.SEGMENTS)).append('|');
                TpchText.comment(r, 29, 116, row);
                w.end();
            }
            counts.addAndGet(TpchTable.CUSTOMER.ordinal(), w.rows);
        }
    }

    private void ordersAndLineitems(Path dir, int part, AtomicLongArray counts) {
        SplittableRandom r = random(TpchTable.ORDERS, part);
        SplittableRandom rl = random(TpchTable.LINEITEM, part);
        long total = orders();
        long customers = customers();
        long partTotal = partCount();
        long suppliers = suppliers();
        long clerks = Math.max(1, (long) (1_000 * scaleFactor));
        int lastOrderDay = END_DAY - 151;
        try (RowWriter o = new RowWriter(dir, TpchTable.ORDERS, part);
            RowWriter l = new RowWriter(dir, TpchTable.LINEITEM, part)) {
            for (long index = from(total, part); index <= to(total, part); index++) {
                long orderKey = orderKey(index);
                long customer;
                do {
                    customer = 1 + r.nextLong(customers);
                } while (customer % 3 == 0 && customers > 2);
                int orderDay = START_DAY + r.nextInt(lastOrderDay - START_DAY + 1);
                int lineCount = 1 + rl.nextInt(7);
                long totalCents100 = 0;
                int shipped = 0;
                for (int line = 1; line <= lineCount; line++) {
                    long partKey = 1 + rl.nextLong(partTotal);
                    long supplier = partSupplier(partKey, rl.nextInt(4), suppliers);
                    int quantity = 1 + rl.nextInt(50);
                    int discount = rl.nextInt(11);
                    int tax = rl.nextInt(9);
                    long extended = quantity * retailPriceCents(partKey);
                    int shipDay = orderDay + 1 + rl.nextInt(121);
                    int commitDay = orderDay + 30 + rl.nextInt(61);
                    int receiptDay = shipDay + 1 + rl.nextInt(30);
                    char returnFlag = receiptDay <= CURRENT_DAY ? (rl.nextBoolean() ? 'R' : 'A') : 'N';
                    char lineStatus = shipDay > CURRENT_DAY ? 'O' : 'F';
                    shipped += lineStatus == 'F' ? 1 : 0;
                    totalCents100 += extended * (100 + tax) * (100 - discount);
                    StringBuilder row = l.row();
                    row.append(orderKey).append('|').append(partKey).append('|').append(supplier).append('|')
                        .append(line).append('|').append(quantity).append(".00|");
                    cents(row, extended).append("|0.").append(discount == 10 ? "10" : "0" + discount)
                        .append("|0.0").append(tax).append('|').append(returnFlag).append('|').append(lineStatus)
                        .append('|');
                    date(row, shipDay).append('|');
                    date(row, commitDay).append('|');
                    date(row, receiptDay).append('|').append(TpchText.pick(rl, TpchText.INSTRUCTIONS)).append('|')
                        .append(TpchText.pick(rl, TpchText.MODES)).append('|');
                    TpchText.comment(rl, 10, 43, row);
                    l.end();
                }
                char status = shipped == lineCount ? 'F' : shipped == 0 ? 'O' : 'P';
                StringBuilder row = o.row();
                row.append(orderKey).append('|').append(customer).append('|').append(status).append('|');
                cents(row, (totalCents100 + 5_000) / 10_000).append('|');
                date(row, orderDay).append('|').append(TpchText.pick(r, TpchText.PRIORITIES)).append('|');
                padded(row.append("Clerk#"), 1 + r.nextLong(clerks), 9).append("|0|");
                TpchText.comment(r, 19, 78, row);
                o.end();
            }
            counts.addAndGet(TpchTable.ORDERS.ordinal(), o.rows);
            counts.addAndGet(TpchTable.LINEITEM.ordinal(), l.rows);
        }
    }

    private static StringBuilder padded(StringBuilder out, long value, int width) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(s);
    }

    private static StringBuilder phone(SplittableRandom r, int nation, StringBuilder out) {
        out.append(10 + nation).append('-').append(100 + r.nextInt(900)).append('-').append(100 + r.nextInt(900))
            .append('-').append(1_000 + r.nextInt(9_000));
        return out;
    }

    static StringBuilder cents(StringBuilder out, long cents) {
        if (cents < 0) {
            out.append('-');
            cents = -cents;
        }
        out.append(cents / 100).append('.');
        long c = cents % 100;
        return out.append((char) ('0' + c / 10)).append((char) ('0' + c % 10));
    }

    private static final String[] DATES = new String[END_DAY + 200 - START_DAY];

    static {
        for (int i = 0; i < DATES.length; i++) {
            DATES[i] = LocalDate.ofEpochDay(START_DAY + i).toString();
        }
    }

    private static StringBuilder date(StringBuilder out, int epochDay) {
        return out.append(DATES[epochDay - START_DAY]);
    }

    /** One part file of one table, written through a buffer of rows. */
    private static final class RowWriter implements AutoCloseable {
        private final OutputStream out;
        private final StringBuilder buffer = new StringBuilder(1 << 20);
        long rows;

        RowWriter(Path dir, TpchTable table, int part) {
            try {
                out = new BufferedOutputStream(
                    Files.newOutputStream(dir.resolve(table.tableName()).resolve("part-" + part + ".tbl")), 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        StringBuilder row() {
            return buffer;
        }

        void end() {
            buffer.append('\n');
            rows++;
            if (buffer.length() > (1 << 20) - 1024) {
                flush();
            }
        }

        private void flush() {
            try {
                out.write(buffer.toString().getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            buffer.setLength(0);
        }

        @Override
        public void close() {
            flush();
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
