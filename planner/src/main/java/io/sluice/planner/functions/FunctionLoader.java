package io.sluice.planner.functions;

import io.sluice.codegen.udf.UserFunction;
import io.sluice.table.api.ValidationException;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads the class of {@code CREATE FUNCTION f AS 'class' [LANGUAGE JAVA] [USING JAR '...']}: from the
 * engine's class loader, or from the listed jars in a new isolated {@link URLClassLoader} (a child of the
 * engine's loader, so the function sees the engine's API but other functions' jars do not see each other).
 */
public final class FunctionLoader {
    private FunctionLoader() {
    }

    /** The function {@code name} implemented by {@code className}; every failure is a clear ValidationException. */
    public static UserFunction load(String name, String className, String language, List<String> jars,
            ClassLoader parent) {
        if (language != null && !language.toUpperCase(Locale.ROOT).equals("JAVA")) {
            throw new ValidationException("Function '" + name + "': LANGUAGE " + language + " is not supported;"
                    + " only JAVA functions are.");
        }
        ClassLoader loader = jars.isEmpty() ? parent : jarLoader(name, jars, parent);
        Class<?> cls;
        try {
            cls = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new ValidationException("Cannot find class '" + className + "' of function '" + name + "'"
                    + (jars.isEmpty() ? " on the class path" : " in " + String.join(", ", jars))
                    + ". Check the class name" + (jars.isEmpty() ? " or add its jar with USING JAR '...'." : "."), e);
        } catch (LinkageError e) {
            throw new ValidationException("Cannot load class '" + className + "' of function '" + name + "': " + e, e);
        }
        return UserFunction.of(name, cls);
    }

    private static ClassLoader jarLoader(String name, List<String> jars, ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        for (String jar : jars) {
            File f = jar.startsWith("file:") ? new File(java.net.URI.create(jar)) : new File(jar);
            if (!f.isFile()) {
                throw new ValidationException("Jar '" + jar + "' of function '" + name + "' does not exist.");
            }
            try {
                urls.add(f.toURI().toURL());
            } catch (MalformedURLException e) {
                throw new ValidationException("Invalid jar path '" + jar + "' of function '" + name + "'.", e);
            }
        }
        return new URLClassLoader("udf:" + name, urls.toArray(new URL[0]), parent);
    }
}
