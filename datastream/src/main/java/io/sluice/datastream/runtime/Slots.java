package io.sluice.datastream.runtime;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The slots of this process, as {@code TaskInfo.getAllocationIDAsString()} names them: instance {@code i} of every
 * task runs in slot {@code i}, whose id (32 hex digits) is fixed for the process.
 */
public final class Slots {
    private static final String PROCESS = UUID.randomUUID().toString();

    private Slots() {
    }

    /** The id of slot {@code slot}. */
    public static String allocationId(int slot) {
        UUID id = UUID.nameUUIDFromBytes((PROCESS + "/" + slot).getBytes(StandardCharsets.UTF_8));
        return String.format("%016x%016x", id.getMostSignificantBits(), id.getLeastSignificantBits());
    }
}
