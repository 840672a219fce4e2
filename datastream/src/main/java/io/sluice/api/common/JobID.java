package io.sluice.api.common;

/** The id of a submitted job. */
public final class JobID implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String id;

    public JobID(String id) {
        this.id = id;
    }

    public static JobID fromHexString(String hex) {
        return new JobID(hex);
    }

    public String toHexString() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobID && ((JobID) o).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
