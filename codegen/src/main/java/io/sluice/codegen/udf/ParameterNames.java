package io.sluice.codegen.udf;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The source names of a method's parameters, as Flink takes them for named arguments: from the class file's
 * {@code MethodParameters} attribute (compiled with {@code -parameters}), else from the local variable table of the
 * method's code (compiled with debug information, javac's and Maven's default). Null when neither is there (for
 * example for classes compiled at run time without debug information).
 */
final class ParameterNames {
    private ParameterNames() {
    }

    /** The names, one per parameter of {@code m}, or null when the class file does not tell them. */
    static List<String> of(Method m) {
        Parameter[] params = m.getParameters();
        if (params.length == 0) {
            return List.of();
        }
        if (params[0].isNamePresent()) {
            List<String> names = new ArrayList<>();
            for (Parameter p : params) {
                names.add(p.getName());
            }
            return names;
        }
        try {
            return fromLocalVariables(m);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> fromLocalVariables(Method m) throws IOException {
        Class<?> c = m.getDeclaringClass();
        String resource = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream raw = c.getResourceAsStream(resource)) {
            if (raw == null) {
                return null;
            }
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw));
            if (in.readInt() != 0xCAFEBABE) {
                return null;
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            String[] utf8 = readConstantPool(in);
            in.readUnsignedShort(); // access flags
            in.readUnsignedShort(); // this class
            in.readUnsignedShort(); // super class
            skip(in, 2 * in.readUnsignedShort()); // interfaces
            int fields = in.readUnsignedShort();
            for (int i = 0; i < fields; i++) {
                skip(in, 6);
                skipAttributes(in);
            }
            String descriptor = descriptor(m);
            int methods = in.readUnsignedShort();
            for (int i = 0; i < methods; i++) {
                in.readUnsignedShort();
                String name = utf8[in.readUnsignedShort()];
                String desc = utf8[in.readUnsignedShort()];
                if (m.getName().equals(name) && descriptor.equals(desc)) {
                    return namesInCode(in, utf8, m);
                }
                skipAttributes(in);
            }
            return null;
        }
    }

    /** Reads the method's attributes up to its Code attribute's local variable table. */
    private static List<String> namesInCode(DataInputStream in, String[] utf8, Method m) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            String name = utf8[in.readUnsignedShort()];
            int length = in.readInt();
            if (!"Code".equals(name)) {
                skip(in, length);
                continue;
            }
            skip(in, 4); // max stack, max locals
            skip(in, in.readInt()); // code
            skip(in, 8 * in.readUnsignedShort()); // exception table
            int codeAttributes = in.readUnsignedShort();
            for (int k = 0; k < codeAttributes; k++) {
                String codeAttribute = utf8[in.readUnsignedShort()];
                int codeLength = in.readInt();
                if (!"LocalVariableTable".equals(codeAttribute)) {
                    skip(in, codeLength);
                    continue;
                }
                return parameterSlots(in, utf8, m);
            }
        }
        return null;
    }

    private static List<String> parameterSlots(DataInputStream in, String[] utf8, Method m) throws IOException {
        Class<?>[] types = m.getParameterTypes();
        int[] slots = new int[types.length];
        int slot = Modifier.isStatic(m.getModifiers()) ? 0 : 1;
        for (int i = 0; i < types.length; i++) {
            slots[i] = slot;
            slot += types[i] == long.class || types[i] == double.class ? 2 : 1;
        }
        String[] names = new String[types.length];
        int entries = in.readUnsignedShort();
        for (int e = 0; e < entries; e++) {
            int startPc = in.readUnsignedShort();
            in.readUnsignedShort();
            String name = utf8[in.readUnsignedShort()];
            in.readUnsignedShort();
            int index = in.readUnsignedShort();
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] == index && startPc == 0) {
                    names[i] = name;
                }
            }
        }
        for (String n : names) {
            if (n == null) {
                return null;
            }
        }
        return Arrays.asList(names);
    }

    /** The constant pool's UTF-8 entries by index (other entries are null). */
    private static String[] readConstantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1:
                    utf8[i] = in.readUTF();
                    break;
                case 5: // long
                case 6: // double
                    skip(in, 8);
                    i++;
                    break;
                case 3: // integer
                case 4: // float
                case 9: // field ref
                case 10: // method ref
                case 11: // interface method ref
                case 12: // name and type
                case 17: // dynamic
                case 18: // invoke dynamic
                    skip(in, 4);
                    break;
                case 15: // method handle
                    skip(in, 3);
                    break;
                case 7: // class
                case 8: // string
                case 16: // method type
                case 19: // module
                case 20: // package
                    skip(in, 2);
                    break;
                default:
                    throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return utf8;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            in.readUnsignedShort();
            skip(in, in.readInt());
        }
    }

    private static void skip(DataInputStream in, int n) throws IOException {
        in.readFully(new byte[n]);
    }

    private static String descriptor(Method m) {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            sb.append(descriptor(p));
        }
        return sb.append(')').append(descriptor(m.getReturnType())).toString();
    }

    private static String descriptor(Class<?> c) {
        if (c.isArray()) {
            return c.getName().replace('.', '/');
        }
        if (c.isPrimitive()) {
            return java.lang.invoke.MethodType.methodType(c).toMethodDescriptorString().substring(2);
        }
        return "L" + c.getName().replace('.', '/') + ";";
    }
}
