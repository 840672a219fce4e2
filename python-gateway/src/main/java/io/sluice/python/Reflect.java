package io.sluice.python;

import io.sluice.table.api.Expressions;
import io.sluice.table.expressions.Expression;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Calls a public Java API method by name with arguments decoded from Python, choosing among overloads the one whose
 * parameters take the arguments with the fewest conversions (an int for a long, a plain value for an
 * {@link Expression} parameter becomes {@code lit(value)}, trailing arguments fill a varargs array).
 */
final class Reflect {
    private static final int NO = Integer.MAX_VALUE;

    private Reflect() {
    }

    static Object invoke(Object target, String name, List<Object> args) {
        if (target == null) {
            throw new IllegalArgumentException("method " + name + " called on null");
        }
        return call(target.getClass(), target, name, args, false);
    }

    static Object invokeStatic(Class<?> cls, String name, List<Object> args) {
        return call(cls, null, name, args, true);
    }

    private static Object call(Class<?> cls, Object target, String name, List<Object> args, boolean statics) {
        Method best = null;
        int bestCost = NO;
        for (Method m : candidates(cls)) {
            if (!m.getName().equals(name) || Modifier.isStatic(m.getModifiers()) != statics) {
                continue;
            }
            int c = cost(m, args);
            if (c < bestCost) {
                best = m;
                bestCost = c;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no method " + name + " of " + simpleName(cls) + " takes "
                    + args.size() + " argument(s) of these types: " + describe(args));
        }
        Object[] actual = arguments(best, args);
        try {
            best.trySetAccessible();
            return best.invoke(target, actual);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + best, e);
        }
    }

    /**
     * The public methods of {@code cls} and of the interfaces it implements: an implementation class (a lambda, for
     * instance) may not declare an API interface's varargs method as varargs, so the interface's copy is used.
     */
    private static List<Method> candidates(Class<?> cls) {
        List<Method> out = new java.util.ArrayList<>();
        java.util.Set<Class<?>> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<Class<?>> todo = new java.util.ArrayDeque<>();
        for (Class<?> k = cls; k != null; k = k.getSuperclass()) {
            todo.addAll(java.util.Arrays.asList(k.getInterfaces()));
        }
        while (!todo.isEmpty()) {
            Class<?> i = todo.poll();
            if (seen.add(i)) {
                out.addAll(java.util.Arrays.asList(i.getMethods()));
                todo.addAll(java.util.Arrays.asList(i.getInterfaces()));
            }
        }
        out.addAll(java.util.Arrays.asList(cls.getMethods()));
        return out;
    }

    private static String simpleName(Class<?> cls) {
        for (Class<?> i : cls.getInterfaces()) {
            if (i.getName().startsWith("io.sluice.table.api.")) {
                return i.getSimpleName();
            }
        }
        return cls.getSimpleName();
    }

    private static String describe(List<Object> args) {
        StringBuilder sb = new StringBuilder("[");
        for (Object a : args) {
            sb.append(sb.length() > 1 ? ", " : "").append(a == null ? "null" : a.getClass().getSimpleName());
        }
        return sb.append(']').toString();
    }

    private static int cost(Method m, List<Object> args) {
        Class<?>[] params = m.getParameterTypes();
        int fixed = m.isVarArgs() ? params.length - 1 : params.length;
        if (m.isVarArgs() ? args.size() < fixed : args.size() != fixed) {
            return NO;
        }
        int total = m.isVarArgs() ? 1 : 0;
        for (int i = 0; i < args.size(); i++) {
            Class<?> p = i < fixed ? params[i] : params[fixed].getComponentType();
            int c = cost(p, args.get(i));
            if (c == NO) {
                return NO;
            }
            total += c;
        }
        return total;
    }

    private static int cost(Class<?> p, Object a) {
        if (a == null) {
            return p.isPrimitive() ? NO : 1;
        }
        Class<?> b = box(p);
        if (b.isInstance(a)) {
            return 0;
        }
        if ((b == Long.class || b == Double.class || b == Float.class) && a instanceof Integer
                || (b == Double.class || b == Float.class) && a instanceof Long
                || b == Float.class && a instanceof Double) {
            return 1;
        }
        if (p.isArray() && a instanceof List) {
            for (Object e : (List<?>) a) {
                if (cost(p.getComponentType(), e) == NO) {
                    return NO;
                }
            }
            return 1;
        }
        if (p.isAssignableFrom(io.sluice.table.api.ApiExpression.class) && p != Object.class) {
            return 2;
        }
        return NO;
    }

    private static Object[] arguments(Method m, List<Object> args) {
        Class<?>[] params = m.getParameterTypes();
        int fixed = m.isVarArgs() ? params.length - 1 : params.length;
        Object[] out = new Object[params.length];
        for (int i = 0; i < fixed; i++) {
            out[i] = convert(params[i], args.get(i));
        }
        if (m.isVarArgs()) {
            Class<?> comp = params[fixed].getComponentType();
            Object arr = Array.newInstance(comp, args.size() - fixed);
            for (int i = fixed; i < args.size(); i++) {
                Array.set(arr, i - fixed, convert(comp, args.get(i)));
            }
            out[fixed] = arr;
        }
        return out;
    }

    private static Object convert(Class<?> p, Object a) {
        if (a == null) {
            return null;
        }
        Class<?> b = box(p);
        if (b.isInstance(a)) {
            return a;
        }
        if (a instanceof Number) {
            Number n = (Number) a;
            if (b == Long.class) {
                return n.longValue();
            }
            if (b == Double.class) {
                return n.doubleValue();
            }
            if (b == Float.class) {
                return n.floatValue();
            }
        }
        if (p.isArray() && a instanceof List) {
            List<?> l = (List<?>) a;
            Object arr = Array.newInstance(p.getComponentType(), l.size());
            for (int i = 0; i < l.size(); i++) {
                Array.set(arr, i, convert(p.getComponentType(), l.get(i)));
            }
            return arr;
        }
        if (Expression.class.isAssignableFrom(p)) {
            return Expressions.lit(a);
        }
        throw new IllegalArgumentException("cannot pass " + a.getClass().getSimpleName() + " as " + p.getSimpleName());
    }

    private static Class<?> box(Class<?> p) {
        if (!p.isPrimitive()) {
            return p;
        }
        if (p == int.class) {
            return Integer.class;
        }
        if (p == long.class) {
            return Long.class;
        }
        if (p == double.class) {
            return Double.class;
        }
        if (p == float.class) {
            return Float.class;
        }
        if (p == boolean.class) {
            return Boolean.class;
        }
        if (p == short.class) {
            return Short.class;
        }
        if (p == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }
}
