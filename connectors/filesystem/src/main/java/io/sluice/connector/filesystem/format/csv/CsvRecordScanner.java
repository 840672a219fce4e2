package io.sluice.connector.filesystem.format.csv;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits a CSV byte stream into records and fields without copying: it reads the input in large chunks
 * into one byte buffer and, per record, finds the start and end offset of each field in that buffer
 * (RFC 4180: quoted fields may hold delimiters, line breaks and doubled quotes; {@code \r\n}, {@code \n}
 * and {@code \r} end a record). Empty lines, and with {@code allow-comments} lines starting with
 * {@code #}, are skipped. A leading UTF-8 byte order mark is skipped.
 *
 * <p>Offsets of a block of records are kept side by side: {@link #next(int)} stores the fields of the next
 * record in slot {@code row} of the block, at indexes {@code row * capacity + field}, so a decoder can
 * scan many records first and then decode them column by column. {@link #start(int)}/{@link #end(int)}
 * delimit a field (quotes excluded) for {@code field < min(fieldCount(), capacity)}; a field with doubled
 * quotes or escapes must be passed through {@link #unescape(int)} before its bytes are read. Offsets stay
 * valid until {@link #fill()} is called, which {@code next} never does itself: it reports
 * {@link #NEED_INPUT} instead.
 */
final class CsvRecordScanner {
    /** Bytes read at a time: 256 KB, so that a chunk is still in the CPU cache when it is scanned. */
    private static final int CHUNK = 1 << 18;
    /** {@link #next(int)}: a record was stored. */
    static final int RECORD = 1;
    /** {@link #next(int)}: the input is exhausted. */
    static final int END = 0;
    /** {@link #next(int)}: the buffer ends inside a record; call {@link #fill()} (after using the offsets). */
    static final int NEED_INPUT = -1;
    static final byte QUOTED = 1;
    static final byte ESCAPED = 2;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /** Per byte: 14, to flag every byte below 14 (CR, LF and other control characters) as a candidate. */
    private static final long BELOW_14 = 0x0E0E0E0E0E0E0E0EL;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    /** Per byte: 0x80 - 14, so that adding it to a byte below 0x80 sets the high bit iff the byte is >= 14. */
    private static final long ADD_14 = 0x7272727272727272L;
    /** Gathers the high bits of the 8 bytes of a word (shifted to bit 0 of each byte) into the top byte. */
    private static final long GATHER = 0x0102040810204080L;

    private final InputStream in;
    private final byte delimiter;
    private final int quote;
    private final int escape;
    private final boolean allowComments;
    /** Whether {@link #nextPlain} may be used: no escape character and at least one field. */
    private final boolean plainScan;
    /** Bytes that end an unquoted field's fast scan: delimiter, CR, LF, escape. */
    private final boolean[] special = new boolean[256];
    /** The delimiter repeated in every byte of a long, for the 8-bytes-at-a-time scan. */
    private final long delimiterWord;
    private boolean started;

    private byte[] buf = new byte[CHUNK];
    private int pos;
    private int limit;
    private boolean eof;
    private long line = 1;

    private final int capacity;
    private final int[] starts;
    private final int[] ends;
    private final byte[] flags;
    private int fieldCount;
    private long recordLine;
    private int recordNewlines;
    private String malformed;

    /**
     * @param capacity fields stored per record (the table's field count)
     * @param blockRows records whose offsets are kept side by side
     */
    CsvRecordScanner(InputStream in, CsvFormatConfig config, int capacity, int blockRows) {
        this.in = in;
        this.delimiter = config.delimiter;
        // 256 never equals a byte: "no quote" / "no escape"
        this.quote = config.quote < 0 ? 256 : config.quote;
        this.escape = config.escape < 0 ? 256 : config.escape;
        this.allowComments = config.allowComments;
        this.plainScan = escape == 256 && capacity > 0;
        this.capacity = capacity;
        this.starts = new int[Math.max(capacity, 1) * blockRows];
        this.ends = new int[Math.max(capacity, 1) * blockRows];
        this.flags = new byte[Math.max(capacity, 1) * blockRows];
        special[delimiter & 0xff] = true;
        delimiterWord = (delimiter & 0xffL) * ONES;
        special['\n'] = true;
        special['\r'] = true;
        if (escape < 256) {
            special[escape] = true;
        }
    }

    /** The underlying buffer holding the current record's bytes. */
    byte[] buffer() {
        return buf;
    }

    /** Start offsets in {@link #buffer()}, indexed {@code row * capacity + field}. */
    int[] starts() {
        return starts;
    }

    /** End offsets (exclusive), indexed like {@link #starts()}. */
    int[] ends() {
        return ends;
    }

    /** {@link #QUOTED} and/or {@link #ESCAPED} bits of each field, indexed like {@link #starts()}. */
    byte[] flags() {
        return flags;
    }

    /** Number of fields in the current record (may exceed the capacity). */
    int fieldCount() {
        return fieldCount;
    }

    /** 1-based line on which the current record starts. */
    long recordLine() {
        return recordLine;
    }

    /** 1-based line on which the next record starts (before skipping empty or comment lines). */
    long line() {
        return line;
    }

    /** Why the current record is malformed, or null. */
    String malformed() {
        return malformed;
    }

    /**
     * Scans the next record into block slot {@code row}; returns {@link #RECORD}, {@link #END} or
     * {@link #NEED_INPUT}.
     */
    int next(int row) {
        if (!started) {
            if (limit < 3 && !eof) {
                return NEED_INPUT;
            }
            started = true;
            if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
                pos = 3;
            }
        }
        while (true) {
            if (pos >= limit) {
                return eof ? END : NEED_INPUT;
            }
            byte b = buf[pos];
            if (b == '\n') {
                pos++;
                line++;
                continue;
            }
            if (b == '\r') {
                pos++;
                continue;
            }
            if (allowComments && b == '#') {
                int nl = indexOf('\n', pos);
                if (nl < 0) {
                    if (eof) {
                        pos = limit;
                        continue;
                    }
                    return NEED_INPUT;
                }
                pos = nl + 1;
                line++;
                continue;
            }
            int base = row * capacity;
            int end = scan(pos, base);
            if (end < 0) {
                return NEED_INPUT;
            }
            recordLine = line;
            line += recordNewlines;
            pos = end;
            return RECORD;
        }
    }

    /**
     * Scans up to {@code max} <em>plain</em> records into block slots {@code row, row + 1, ..}, stopping at the
     * first record that is not plain or does not end inside the buffer, and returns how many were stored
     * (0: use {@link #next(int)} for the next record). A plain record is one line ended by LF (no CR), holds
     * exactly {@code capacity} fields, none starting with the quote character, and is not a comment or empty
     * line; its fields need no unescaping. Record {@code i} starts on line {@code line() + i} (as read before
     * the call). Never used with an escape character.
     *
     * <p>Finds delimiters and line breaks 64 bytes at a time: a bit map marks every byte equal to the
     * delimiter or below 14 (LF, CR, tab, other control characters), and its set bits are visited in order,
     * so the cost does not depend on how the bytes are split into fields.
     */
    int nextPlain(int row, int max) {
        if (!plainScan || !started) {
            return 0;
        }
        final byte[] b = buf;
        final int lim = limit;
        final int cap = capacity;
        final int[] st = starts;
        final int[] en = ends;
        final byte[] fl = flags;
        final byte delim = delimiter;
        final int q = quote;
        final boolean comments = allowComments;
        int p = pos;
        int base = p;
        long bits = bitmap(b, base, lim);
        int k = 0;
        records:
        while (k < max) {
            if (p >= lim) {
                break;
            }
            byte first = b[p];
            if (first == q || first == '\n' || first == '\r' || (comments && first == '#')) {
                break;
            }
            int idx = (row + k) * cap;
            int last = idx + cap - 1;
            int start = p;
            while (true) {
                while (bits == 0) {
                    base += 64;
                    if (base >= lim) {
                        break records;
                    }
                    bits = bitmap(b, base, lim);
                }
                int at = base + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                byte c = b[at];
                if (c == delim) {
                    if (idx == last) {
                        break records; // too many fields
                    }
                    st[idx] = start;
                    en[idx] = at;
                    fl[idx] = 0;
                    idx++;
                    start = at + 1;
                    if (start < lim && b[start] == q) {
                        break records;
                    }
                } else if (c == '\n') {
                    if (idx != last) {
                        break records; // too few fields
                    }
                    st[idx] = start;
                    en[idx] = at;
                    fl[idx] = 0;
                    p = at + 1;
                    k++;
                    continue records;
                } else if (c == '\r') {
                    break records;
                }
                // another control character (tab when it is not the delimiter): part of the field
            }
        }
        pos = p;
        line += k;
        return k;
    }

    /**
     * Bit {@code i} is set when byte {@code base + i} (below {@code lim}) equals the delimiter or is below 14.
     * Full windows are computed 8 bytes at a time with exact per-byte tests (no false candidates).
     */
    private long bitmap(byte[] b, int base, int lim) {
        long bits = 0;
        if (base + 64 <= lim) {
            final long delim = delimiterWord;
            for (int i = 0; i < 64; i += 8) {
                long w = (long) LONGS.get(b, base + i);
                long x = w ^ delim;
                long notDelim = ((x & LOW7) + LOW7) | x;
                long notControl = ((w & LOW7) + ADD_14) | w;
                long m = ~(notDelim & notControl) & HIGHS;
                bits |= (((m >>> 7) * GATHER) >>> 56) << i;
            }
            return bits;
        }
        final byte delim = delimiter;
        for (int i = base; i < lim; i++) {
            byte c = b[i];
            if (c == delim || (c >= 0 && c < 14)) {
                bits |= 1L << (i - base);
            }
        }
        return bits;
    }

    private int indexOf(int c, int from) {
        for (int i = from; i < limit; i++) {
            if (buf[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Keeps the unread bytes, grows the buffer when one record fills it, and reads the next chunk. Moves
     * the bytes: offsets stored so far become invalid.
     */
    void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    /**
     * Finds the fields of the record starting at {@code p} and stores them from index {@code base}. Returns
     * the offset after its line break, or -1 when the buffer ends before the record does and more input may
     * follow.
     */
    private int scan(int p, int base) {
        final byte[] b = buf;
        final int lim = limit;
        final boolean[] sp = special;
        int f = 0;
        int newlines = 0;
        malformed = null;
        while (true) {
            int start;
            int end;
            byte flag = 0;
            if (p < lim && b[p] == quote) {
                flag = QUOTED;
                start = ++p;
                while (true) {
                    if (p >= lim) {
                        if (!eof) {
                            return -1;
                        }
                        malformed = "unterminated quoted field";
                        recordNewlines = newlines;
                        fieldCount = f + 1;
                        return lim;
                    }
                    byte c = b[p];
                    if (c == quote) {
                        if (p + 1 < lim && b[p + 1] == c) {
                            flag |= ESCAPED;
                            p += 2;
                            continue;
                        }
                        if (p + 1 >= lim && !eof) {
                            return -1;
                        }
                        break;
                    }
                    if (c == escape) {
                        if (p + 1 >= lim && !eof) {
                            return -1;
                        }
                        flag |= ESCAPED;
                        if (p + 1 < lim && b[p + 1] == '\n') {
                            newlines++;
                        }
                        p += 2;
                        continue;
                    }
                    if (c == '\n') {
                        newlines++;
                    }
                    p++;
                }
                end = p++;
                if (p < lim) {
                    byte c = b[p];
                    if (c != delimiter && c != '\n' && c != '\r') {
                        malformed = "unexpected character after a closing quote";
                        while (p < lim && b[p] != '\n') {
                            p++;
                        }
                        if (p >= lim && !eof) {
                            return -1;
                        }
                        recordNewlines = newlines + (p < lim ? 1 : 0);
                        fieldCount = f + 1;
                        return p < lim ? p + 1 : lim;
                    }
                }
            } else {
                start = p;
                if (escape == 256) {
                    p = findSpecial(b, p, lim);
                }
                while (p < lim) {
                    byte c = b[p];
                    if (sp[c & 0xff]) {
                        if (c == escape) {
                            flag = ESCAPED;
                            p += 2;
                            continue;
                        }
                        break;
                    }
                    p++;
                }
                if (p >= lim) {
                    if (!eof) {
                        return -1;
                    }
                    p = lim;
                }
                end = p;
            }
            if (f < capacity) {
                starts[base + f] = start;
                ends[base + f] = end;
                flags[base + f] = flag;
            }
            f++;
            if (p >= lim) {
                fieldCount = f;
                recordNewlines = newlines;
                return lim;
            }
            byte c = b[p];
            if (c == delimiter) {
                p++;
                continue;
            }
            fieldCount = f;
            p++;
            if (c == '\r') {
                if (p < lim && b[p] == '\n') {
                    p++;
                    newlines++;
                } else if (p >= lim && !eof) {
                    return -1;
                }
            } else {
                newlines++;
            }
            recordNewlines = newlines;
            return p;
        }
    }

    /**
     * The offset of the first delimiter, CR or LF at or after {@code p}, or a position from which the byte
     * loop continues (at most {@code lim}). Reads 8 bytes at a time: a byte equal to the delimiter or below 14
     * is a candidate (the lowest flagged byte of the SWAR test is always a true candidate); candidates that
     * are not special (tab when the delimiter is a comma) are stepped over.
     */
    private int findSpecial(byte[] b, int p, int lim) {
        final long delim = delimiterWord;
        final boolean[] sp = special;
        while (p + 8 <= lim) {
            long w = (long) LONGS.get(b, p);
            long x = w ^ delim;
            long m = (((x - ONES) & ~x) | ((w - BELOW_14) & ~w)) & HIGHS;
            if (m == 0) {
                p += 8;
                continue;
            }
            p += Long.numberOfTrailingZeros(m) >>> 3;
            if (sp[b[p] & 0xff]) {
                return p;
            }
            p++;
        }
        return p;
    }

    /**
     * Removes quote doubling and escape characters of field {@code i} in place; returns its new end.
     * Escapes {@code \n}, {@code \r}, {@code \t} and {@code \0} stand for the control characters, any
     * other escaped byte for itself.
     */
    int unescape(int i) {
        byte[] b = buf;
        int r = starts[i];
        int w = r;
        int end = ends[i];
        boolean quoted = (flags[i] & QUOTED) != 0;
        while (r < end) {
            byte c = b[r++];
            if (c == escape && r < end) {
                byte e = b[r++];
                c = e == 'n' ? (byte) '\n' : e == 'r' ? (byte) '\r' : e == 't' ? (byte) '\t' : e == '0' ? 0 : e;
            } else if (quoted && c == quote && r < end && b[r] == c) {
                r++;
            }
            b[w++] = c;
        }
        ends[i] = w;
        flags[i] &= ~ESCAPED;
        return w;
    }
}
