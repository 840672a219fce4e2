package io.sluice.benchmarks.nexmark;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Columns of the {@code person} table: {@code id}, {@code name} ("First Last" of 99 combinations),
 * {@code emailAddress} ({@code 7 letters @ 5 letters .com}), {@code creditCard} (four groups of four
 * digits), {@code city} (of 10), {@code state} (of 6), {@code dateTime}, {@code extra} (80..120 letters).
 */
final class PersonColumns extends EventColumns {
    private static final int ID = 0;
    private static final int NAME = 1;
    private static final int EMAIL = 2;
    private static final int CREDIT_CARD = 3;
    private static final int CITY = 4;
    private static final int STATE = 5;
    private static final int DATE_TIME = 6;

    private final byte[] card = "0000 0000 0000 0000".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    PersonColumns(NexmarkConfig config) {
        super(config);
    }

    @Override
    void fill(int field, FieldVector vector, long[] events, int rows) {
        switch (field) {
            case ID: {
                ArrowBuf data = VectorWriters.longData(vector, rows);
                for (int i = 0; i < rows; i++) {
                    data.setLong((long) i << 3, NexmarkModel.personId(events[i]));
                }
                break;
            }
            case NAME:
                fillChoice(vector, events, rows, NAME, TextPool.NAMES);
                break;
            case EMAIL:
                text.start((VarCharVector) vector, rows);
                for (int i = 0; i < rows; i++) {
                    long r = NexmarkModel.random(seed, events[i], EMAIL);
                    text.appendPart(TextPool.LETTERS, TextPool.wordStart(r, 7), 7);
                    text.appendPart(TextPool.AT, 0, 1);
                    text.appendPart(TextPool.LETTERS, TextPool.wordStart(r << 32, 5), 5);
                    text.appendPart(TextPool.DOT_COM, 0, TextPool.DOT_COM.length);
                    text.endValue();
                }
                text.finish();
                break;
            case CREDIT_CARD:
                text.start((VarCharVector) vector, rows);
                for (int i = 0; i < rows; i++) {
                    long r = NexmarkModel.random(seed, events[i], CREDIT_CARD);
                    for (int d = 0, pos = 0; d < 16; d++, pos++) {
                        if (d > 0 && (d & 3) == 0) {
                            pos++;
                        }
                        card[pos] = (byte) ('0' + (int) Long.remainderUnsigned(r >>> (d * 3), 10));
                    }
                    text.append(card);
                }
                text.finish();
                break;
            case CITY:
                fillChoice(vector, events, rows, CITY, TextPool.CITIES);
                break;
            case STATE:
                fillChoice(vector, events, rows, STATE, TextPool.STATES);
                break;
            case DATE_TIME:
                fillTime(vector, events, rows);
                break;
            default:
                fillWords(vector, events, rows, field, 80, 120);
        }
    }
}
