package io.sluice.codegen.runtime;

/** IPv4 addresses between dotted text and numbers (INET_ATON, INET_NTOA). */
public final class InetRuntime {
    private InetRuntime() {
    }

    /**
     * The address {@code s} as a number: four parts 'a.b.c.d', or the short forms 'a.b' (a.0.0.b) and 'a.b.c'
     * (a.b.0.c), each 0-255 in decimal digits; -1 for anything else.
     */
    public static long inetAton(String s) {
        long[] parts = new long[4];
        int count = 0;
        long part = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (part < 0 || count == 4) {
                    return -1;
                }
                parts[count++] = part;
                part = -1;
            } else if (c >= '0' && c <= '9') {
                part = (part < 0 ? 0 : part * 10) + (c - '0');
                if (part > 255) {
                    return -1;
                }
            } else {
                return -1;
            }
        }
        switch (count) {
            case 2:
                return parts[0] << 24 | parts[1];
            case 3:
                return parts[0] << 24 | parts[1] << 16 | parts[2];
            case 4:
                return parts[0] << 24 | parts[1] << 16 | parts[2] << 8 | parts[3];
            default:
                return -1;
        }
    }

    /** The dotted text of the address {@code n}, or null when it is not between 0 and 4294967295. */
    public static String inetNtoa(long n) {
        if (n < 0 || n > 0xFFFFFFFFL) {
            return null;
        }
        return (n >>> 24) + "." + (n >>> 16 & 0xFF) + "." + (n >>> 8 & 0xFF) + "." + (n & 0xFF);
    }
}
