package io.sluice.runtime.operator.aggregate;

import io.sluice.runtime.types.LogicalType;
import java.util.Arrays;
import java.util.Comparator;

/** The order MIN and MAX use on external values: numeric / temporal order, strings by code point, bytes unsigned. */
final class ValueOrder {
    private ValueOrder() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Comparator<Object> of(LogicalType type) {
        switch (type.root()) {
            case BINARY:
            case VARBINARY:
                return (a, b) -> Arrays.compareUnsigned((byte[]) a, (byte[]) b);
            case CHAR:
            case VARCHAR:
                return (a, b) -> compareCodePoints((String) a, (String) b);
            default:
                return (a, b) -> ((Comparable) a).compareTo(b);
        }
    }

    /** Code point order, which equals the byte order of the UTF-8 encodings. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
