package io.sluice.table.api;

/** A valid Flink SQL feature Sluice does not implement yet; the message starts with "not supported yet: ". */
public class UnsupportedFeatureException extends TableException {
    public UnsupportedFeatureException(String what) {
        super("not supported yet: " + what);
    }
}
