package io.sluice.benchmarks.nexmark;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * Columns of the {@code auction} table: {@code id}, {@code itemName} (5..20 letters),
 * {@code description} (20..100 letters), {@code initialBid} (a price), {@code reserve} (initial bid plus
 * another price), {@code dateTime}, {@code expires} (1 to 21 s later), {@code seller} (a hot or recent
 * person), {@code category} (10..14), {@code extra} (200..300 letters).
 */
final class AuctionColumns extends EventColumns {
    private static final int ID = 0;
    private static final int ITEM_NAME = 1;
    private static final int DESCRIPTION = 2;
    private static final int INITIAL_BID = 3;
    private static final int RESERVE = 4;
    private static final int DATE_TIME = 5;
    private static final int EXPIRES = 6;
    private static final int SELLER = 7;
    private static final int CATEGORY = 8;

    AuctionColumns(NexmarkConfig config) {
        super(config);
    }

    @Override
    void fill(int field, FieldVector vector, long[] events, int rows) {
        switch (field) {
            case ID: {
                ArrowBuf data = VectorWriters.longData(vector, rows);
                for (int i = 0; i < rows; i++) {
                    data.setLong((long) i << 3, NexmarkModel.auctionId(events[i]));
                }
                break;
            }
            case ITEM_NAME:
                fillWords(vector, events, rows, ITEM_NAME, 5, 20);
                break;
            case DESCRIPTION:
                fillWords(vector, events, rows, DESCRIPTION, 20, 100);
                break;
            case INITIAL_BID:
            case RESERVE: {
                ArrowBuf data = VectorWriters.longData(vector, rows);
                for (int i = 0; i < rows; i++) {
                    long initial = NexmarkModel.price(NexmarkModel.random(seed, events[i], INITIAL_BID));
                    long value = field == INITIAL_BID ? initial
                            : initial + NexmarkModel.price(NexmarkModel.random(seed, events[i], RESERVE));
                    data.setLong((long) i << 3, value);
                }
                break;
            }
            case DATE_TIME:
                fillTime(vector, events, rows);
                break;
            case EXPIRES: {
                ArrowBuf data = VectorWriters.longData(vector, rows);
                long base = config.baseTime();
                long rate = config.eventsPerSecond();
                for (int i = 0; i < rows; i++) {
                    long e = events[i];
                    long length = 1000 + NexmarkModel.below(NexmarkModel.random(seed, e, EXPIRES), 20_000);
                    data.setLong((long) i << 3, NexmarkModel.eventTime(e, base, rate) + length);
                }
                break;
            }
            case SELLER: {
                ArrowBuf data = VectorWriters.longData(vector, rows);
                for (int i = 0; i < rows; i++) {
                    long e = events[i];
                    data.setLong((long) i << 3, NexmarkModel.recentPerson(e, NexmarkModel.random(seed, e, SELLER)));
                }
                break;
            }
            case CATEGORY: {
                ArrowBuf data = VectorWriters.longData(vector, rows);
                for (int i = 0; i < rows; i++) {
                    data.setLong((long) i << 3, 10 + NexmarkModel.below(NexmarkModel.random(seed, events[i], CATEGORY), 5));
                }
                break;
            }
            default:
                fillWords(vector, events, rows, field, 200, 300);
        }
    }
}
