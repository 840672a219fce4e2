package io.sluice.benchmarks.nexmark;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Fixed, deterministic text the generators copy from, so no string is built per row: a pool of
 * random lowercase letters (random words are slices of it), the bid channels and their URLs (4 hot
 * channels and 10,000 others, as the Nexmark reference), and the person name, city and state lists.
 */
final class TextPool {
    /** Random lowercase letters; a slice is a random word. */
    static final byte[] LETTERS;
    /** Channel 0..3 are the hot channels, 4.. are {@code channel-<k>}. */
    static final byte[][] CHANNELS;
    /** The URL of each channel (same index). */
    static final byte[][] URLS;
    static final int HOT_CHANNELS = 4;
    static final int COLD_CHANNELS = 10_000;
    /** "first last" person names. */
    static final byte[][] NAMES;
    static final byte[][] CITIES;
    static final byte[][] STATES;
    static final byte[] AT = {'@'};
    static final byte[] DOT_COM = bytes(".com");

    private static final int LETTER_POOL = 1 << 16;

    static {
        SplittableRandom random = new SplittableRandom(0x5EED_CAFEL);
        LETTERS = new byte[LETTER_POOL];
        for (int i = 0; i < LETTERS.length; i++) {
            LETTERS[i] = (byte) ('a' + random.nextInt(26));
        }
        String[] hot = {"Google", "Facebook", "Baidu", "Apple"};
        CHANNELS = new byte[HOT_CHANNELS + COLD_CHANNELS][];
        URLS = new byte[CHANNELS.length][];
        for (int c = 0; c < CHANNELS.length; c++) {
            String path = "https://www.nexmark.com/" + word(random, 5) + "/" + word(random, 5) + "/"
                    + word(random, 5) + "/item.htm?query=1";
            if (c < HOT_CHANNELS) {
                CHANNELS[c] = bytes(hot[c]);
                URLS[c] = bytes(path);
            } else {
                int k = c - HOT_CHANNELS;
                CHANNELS[c] = bytes("channel-" + k);
                URLS[c] = bytes(path + "&channel_id=" + Integer.reverse(k) % 1_000_000_000);
            }
        }
        String[] first = {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter",
            "Walter"};
        String[] last = {"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"};
        NAMES = new byte[first.length * last.length][];
        for (int f = 0; f < first.length; f++) {
            for (int l = 0; l < last.length; l++) {
                NAMES[f * last.length + l] = bytes(first[f] + " " + last[l]);
            }
        }
        CITIES = all("Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend", "Redmond", "Seattle",
                "Kent", "Cheyenne");
        STATES = all("AZ", "CA", "ID", "OR", "WA", "WY");
    }

    private TextPool() {
    }

    /** A start offset in {@link #LETTERS} for a word of at most {@code maxLength} letters. */
    static int wordStart(long r, int maxLength) {
        return NexmarkModel.below(r, LETTERS.length - maxLength);
    }

    private static String word(SplittableRandom random, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(c);
    }

    private static byte[][] all(String... values) {
        byte[][] out = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = bytes(values[i]);
        }
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
