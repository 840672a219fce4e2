package io.sluice.formats.avro.typeutils;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Trusts the classes of a specific or reflect record type with Avro's class security check (Avro 1.12 refuses to
 * instantiate classes it was not told to trust): the record class a program asked to read and the classes its
 * schema names (nested records, enums, fixed, and the collection classes of reflect schemas).
 */
public final class AvroClasses {
    private static final Set<String> TRUSTED = ConcurrentHashMap.newKeySet();

    private AvroClasses() {
    }

    /** Trusts {@code typeClass} and the classes named in its {@code schema}. */
    public static synchronized void trust(Class<?> typeClass, Schema schema) {
        Set<String> names = new HashSet<>();
        names.add(typeClass.getName());
        collect(schema, names, new HashSet<>());
        names.removeAll(TRUSTED);
        if (names.isEmpty()) {
            return;
        }
        ClassSecurityValidator.Builder builder = ClassSecurityValidator.builder();
        names.forEach(builder::add);
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
                builder.build()));
        TRUSTED.addAll(names);
    }

    private static void collect(Schema s, Set<String> names, Set<Schema> seen) {
        if (!seen.add(s)) {
            return;
        }
        // reflect schemas name the Java classes of their collections and keys
        for (String prop : new String[] {"java-class", "java-element-class", "java-key-class"}) {
            if (s.getProp(prop) != null) {
                names.add(s.getProp(prop));
            }
        }
        switch (s.getType()) {
            case RECORD:
                addNamed(s, names);
                for (Schema.Field f : s.getFields()) {
                    collect(f.schema(), names, seen);
                    for (String prop : new String[] {"java-class", "java-element-class", "java-key-class"}) {
                        if (f.getProp(prop) != null) {
                            names.add(f.getProp(prop));
                        }
                    }
                }
                break;
            case ENUM:
            case FIXED:
                addNamed(s, names);
                break;
            case ARRAY:
                collect(s.getElementType(), names, seen);
                break;
            case MAP:
                collect(s.getValueType(), names, seen);
                break;
            case UNION:
                s.getTypes().forEach(t -> collect(t, names, seen));
                break;
            default:
                break;
        }
    }

    /** The class name Avro looks up for a named schema, and its nested-class form. */
    private static void addNamed(Schema s, Set<String> names) {
        String name = SpecificData.getClassName(s);
        names.add(name);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            names.add(name.substring(0, dot) + "$" + name.substring(dot + 1));
        }
    }
}
