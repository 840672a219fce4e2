package io.sluice.formats.parquet.avro;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/** A specific record written as Avro's code generator writes them (schema, fields, get and put by position). */
public class Address extends SpecificRecordBase {
    public static final Schema SCHEMA$ = new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"Address\","
            + " \"namespace\": \"io.sluice.formats.parquet.avro\", \"fields\": ["
            + " {\"name\": \"num\", \"type\": \"int\"},"
            + " {\"name\": \"street\", \"type\": {\"type\": \"string\", \"avro.java.string\": \"String\"}},"
            + " {\"name\": \"city\", \"type\": {\"type\": \"string\", \"avro.java.string\": \"String\"}},"
            + " {\"name\": \"zip\", \"type\": [\"null\", {\"type\": \"string\", \"avro.java.string\": \"String\"}],"
            + " \"default\": null}]}");

    private int num;
    private String street;
    private String city;
    private String zip;

    public Address() {
    }

    public Address(int num, String street, String city, String zip) {
        this.num = num;
        this.street = street;
        this.city = city;
        this.zip = zip;
    }

    public static Schema getClassSchema() {
        return SCHEMA$;
    }

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    @Override
    public Object get(int field) {
        switch (field) {
            case 0:
                return num;
            case 1:
                return street;
            case 2:
                return city;
            case 3:
                return zip;
            default:
                throw new IndexOutOfBoundsException("Invalid index: " + field);
        }
    }

    @Override
    public void put(int field, Object value) {
        switch (field) {
            case 0:
                num = (Integer) value;
                break;
            case 1:
                street = value == null ? null : value.toString();
                break;
            case 2:
                city = value == null ? null : value.toString();
                break;
            case 3:
                zip = value == null ? null : value.toString();
                break;
            default:
                throw new IndexOutOfBoundsException("Invalid index: " + field);
        }
    }

    public int getNum() {
        return num;
    }

    public String getCity() {
        return city;
    }
}
