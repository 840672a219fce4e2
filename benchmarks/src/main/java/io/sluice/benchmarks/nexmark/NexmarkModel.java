package io.sluice.benchmarks.nexmark;

/**
 * The arithmetic of the generated Nexmark stream: which event a number is, its ids, its event time
 * and its random draws. Every value is a pure function of the seed and the event number, so any
 * reader can generate any event and the result does not depend on how the stream is split.
 *
 * <p>Ids start at {@link #FIRST_ID} as in the Nexmark reference. A bid names an auction of the last
 * 100 (half of them the newest one or the one before, the "hot" auction) and a bidder among the last
 * 1000 persons (three quarters of them a "hot" bidder); an auction's seller is likewise a recent or
 * hot person. Event time is {@code baseTime + eventNumber * 1000 / eventsPerSecond} ms.
 */
public final class NexmarkModel {
    /** Events per epoch: 1 person, 3 auctions, 46 bids. */
    public static final int EPOCH = 50;
    /** Auctions per epoch. */
    static final int AUCTIONS_PER_EPOCH = 3;
    /** The first person id and the first auction id. */
    public static final long FIRST_ID = 1000;
    /** Default event time of event 0: 2026-01-01T00:00:00 (as a zone-less timestamp, UTC epoch ms). */
    public static final long DEFAULT_BASE_TIME = 1_767_225_600_000L;
    /** Default event-time rate: the stream advances 10,000 events per second of event time. */
    public static final long DEFAULT_EVENTS_PER_SECOND = 10_000;

    private static final int IN_FLIGHT_AUCTIONS = 100;
    private static final int ACTIVE_PERSONS = 1000;

    private NexmarkModel() {
    }

    /** The event time in epoch milliseconds of event {@code event}. */
    public static long eventTime(long event, long baseTime, long eventsPerSecond) {
        return baseTime + event * 1000 / eventsPerSecond;
    }

    /** The id of the person created by person event {@code event} (slot 0 of its epoch). */
    public static long personId(long event) {
        return FIRST_ID + event / EPOCH;
    }

    /** The id of the auction created by auction event {@code event} (slots 1 to 3 of its epoch). */
    public static long auctionId(long event) {
        return FIRST_ID + (event / EPOCH) * AUCTIONS_PER_EPOCH + (event % EPOCH - 1);
    }

    /** The auction a bid event names: hot (newest even id) half of the time, else one of the last 100. */
    static long bidAuction(long event, long r) {
        long last = (event / EPOCH) * AUCTIONS_PER_EPOCH + AUCTIONS_PER_EPOCH - 1;
        long id;
        if ((r & 1) == 0) {
            id = (last >> 1) << 1;
        } else {
            id = Math.max(0, last - below(r >>> 1, IN_FLIGHT_AUCTIONS));
        }
        return FIRST_ID + id;
    }

    /** A recent person for a bid's bidder or an auction's seller: hot (a multiple of 4) 3/4 of the time. */
    static long recentPerson(long event, long r) {
        long last = event / EPOCH;
        long id;
        if ((r & 3) != 0) {
            id = (last >> 2) << 2;
        } else {
            id = Math.max(0, last - below(r >>> 2, ACTIVE_PERSONS));
        }
        return FIRST_ID + id;
    }

    /** A price in cents, log-uniform over 1.00 .. 1,000,000.00 (as in the Nexmark reference). */
    static long price(long r) {
        double u = (r >>> 11) * 0x1.0p-53;
        return Math.round(Math.exp(u * 6.0 * Math.log(10.0)) * 100.0);
    }

    /** A 64-bit random value for column {@code salt} of event {@code event}: a SplitMix64 finalizer. */
    static long random(long seed, long event, int salt) {
        long z = seed + event * 0x9E3779B97F4A7C15L + salt * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A value in {@code [0, bound)} from the high bits of {@code r}. */
    static int below(long r, int bound) {
        return (int) (((r >>> 32) * bound) >>> 32);
    }
}
