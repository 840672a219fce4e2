package io.sluice.datastream.examples;

/** A fraud alert for an account (a POJO, as in Flink's fraud detection walkthrough). */
public class Alert {
    private long id;

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alert && ((Alert) o).id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "Alert{id=" + id + '}';
    }
}
