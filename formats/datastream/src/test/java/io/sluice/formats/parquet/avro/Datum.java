package io.sluice.formats.parquet.avro;

import java.util.List;

/** A plain class read by reflection (Flink's documentation example, with a list). */
public class Datum {
    public String a;
    public int b;
    public List<String> tags;

    public Datum() {
    }

    @Override
    public String toString() {
        return "Datum(" + a + ", " + b + ", " + tags + ")";
    }
}
