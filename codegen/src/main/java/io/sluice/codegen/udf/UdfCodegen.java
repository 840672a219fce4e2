package io.sluice.codegen.udf;

import java.util.ArrayList;
import java.util.List;

/** Helpers shared by generated classes that hold user-defined function instances. */
public final class UdfCodegen {
    private UdfCodegen() {
    }

    /**
     * The bodies of {@link io.sluice.runtime.generated.UsesUserFunctions}'s methods over the fields holding
     * the instances, indented for a class body.
     */
    public static String lifecycleMethods(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        sb.append("    public void openFunctions(io.sluice.table.functions.FunctionContext context) throws Exception {\n");
        for (String f : fields) {
            sb.append("        ").append(f).append(".open(context);\n");
        }
        sb.append("    }\n\n");
        sb.append("    public void closeFunctions() throws Exception {\n");
        for (String f : fields) {
            sb.append("        ").append(f).append(".close();\n");
        }
        sb.append("    }\n");
        return sb.toString();
    }

    /**
     * The parent class loader for compiling a class that names these function classes: null (the default)
     * when all are visible from the engine's loader, else a loader that also sees the functions' loaders.
     */
    public static ClassLoader loaderFor(List<Class<?>> functionClasses) {
        ClassLoader engine = UdfCodegen.class.getClassLoader();
        List<ClassLoader> extra = new ArrayList<>();
        for (Class<?> c : functionClasses) {
            if (!visible(engine, c) && !extra.contains(c.getClassLoader())) {
                extra.add(c.getClassLoader());
            }
        }
        if (extra.isEmpty()) {
            return null;
        }
        return extra.size() == 1 && visible(extra.get(0), UdfCodegen.class) ? extra.get(0)
                : new FunctionClassLoader(engine, extra);
    }

    private static boolean visible(ClassLoader loader, Class<?> c) {
        try {
            return Class.forName(c.getName(), false, loader) == c;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Delegates to the engine's loader, then to each function loader in turn. */
    private static final class FunctionClassLoader extends ClassLoader {
        private final List<ClassLoader> loaders;

        FunctionClassLoader(ClassLoader parent, List<ClassLoader> loaders) {
            super(parent);
            this.loaders = loaders;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            for (ClassLoader l : loaders) {
                try {
                    return l.loadClass(name);
                } catch (ClassNotFoundException e) {
                    // try the next loader
                }
            }
            throw new ClassNotFoundException(name);
        }
    }
}
