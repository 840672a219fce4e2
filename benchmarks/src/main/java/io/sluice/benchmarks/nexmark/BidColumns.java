package io.sluice.benchmarks.nexmark;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Columns of the {@code bid} table: {@code auction} (hot or recent auction), {@code bidder} (hot or
 * recent person), {@code price} (log-uniform cents), {@code channel} and {@code url} (half of the bids
 * on one of 4 hot channels, the rest on one of 10,000; the URL belongs to the channel), {@code dateTime},
 * {@code extra} (62..92 random letters, so a bid averages about 190 bytes as CSV).
 */
final class BidColumns extends EventColumns {
    private static final int AUCTION = 0;
    private static final int BIDDER = 1;
    private static final int PRICE = 2;
    private static final int CHANNEL = 3;
    private static final int URL = 4;
    private static final int DATE_TIME = 5;

    BidColumns(NexmarkConfig config) {
        super(config);
    }

    @Override
    void fill(int field, FieldVector vector, long[] events, int rows) {
        switch (field) {
            case AUCTION: {
                ArrowBuf data = VectorWriters.longData(vector, rows);
                for (int i = 0; i < rows; i++) {
                    long e = events[i];
                    data.setLong((long) i << 3, NexmarkModel.bidAuction(e, NexmarkModel.random(seed, e, AUCTION)));
                }
                break;
            }
            case BIDDER: {
                ArrowBuf data = VectorWriters.longData(vector, rows);
                for (int i = 0; i < rows; i++) {
                    long e = events[i];
                    data.setLong((long) i << 3, NexmarkModel.recentPerson(e, NexmarkModel.random(seed, e, BIDDER)));
                }
                break;
            }
            case PRICE: {
                ArrowBuf data = VectorWriters.longData(vector, rows);
                for (int i = 0; i < rows; i++) {
                    data.setLong((long) i << 3, NexmarkModel.price(NexmarkModel.random(seed, events[i], PRICE)));
                }
                break;
            }
            case CHANNEL:
            case URL: {
                byte[][] values = field == CHANNEL ? TextPool.CHANNELS : TextPool.URLS;
                text.start((VarCharVector) vector, rows);
                for (int i = 0; i < rows; i++) {
                    text.append(values[channel(NexmarkModel.random(seed, events[i], CHANNEL))]);
                }
                text.finish();
                break;
            }
            case DATE_TIME:
                fillTime(vector, events, rows);
                break;
            default:
                fillWords(vector, events, rows, field, 62, 92);
        }
    }

    /** Index into {@link TextPool#CHANNELS}: a hot channel for half of the draws. */
    private static int channel(long r) {
        if ((r & 1) == 0) {
            return NexmarkModel.below(r, TextPool.HOT_CHANNELS);
        }
        return TextPool.HOT_CHANNELS + NexmarkModel.below(r, TextPool.COLD_CHANNELS);
    }
}
