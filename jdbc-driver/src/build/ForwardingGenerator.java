import java.io.IOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Wrapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Writes the JDBC layer's Forwarding classes from the java.sql interfaces of the JDK that runs the build
 * (Maven runs it in generate-sources; see jdbc-driver/pom.xml). Each forwards every method of its interface
 * to Calcite's object through {@code Forwarding.call}, which turns whatever Calcite throws into one
 * SQLException, and hands every object the layer decorates (a statement, a result set, their metadata, and
 * the connection or statement an object belongs to) to an abstract {@code layer(...)} method, so the layer
 * states what it returns. The layer's classes (JdbcLayer, DriverMetadata) extend these and write only
 * what they change.
 *
 * <p>Usage: {@code java ForwardingGenerator.java OUTPUT_DIRECTORY}
 */
public final class ForwardingGenerator {
    private static final String PACKAGE = "io.github.imagebuildersql.connector.jdbc";

    /** The interfaces whose objects the layer wraps: a method returning one of these goes through layer(...). */
    private static final List<Class<?>> DECORATED = List.of(Connection.class, Statement.class,
            PreparedStatement.class, ResultSet.class, ResultSetMetaData.class, DatabaseMetaData.class,
            ParameterMetaData.class);

    /**
     * One generated class: the interface it implements; the class it extends with that class's constructor
     * arguments after the target; the interface whose methods that superclass already forwards; and the name
     * of the field holding Calcite's object.
     */
    private record Spec(Class<?> api, String superclass, String superArguments, Class<?> inherited, String field) {
        String name() {
            return "Forwarding" + api.getSimpleName();
        }
    }

    private static final List<Spec> SPECS = List.of(
            new Spec(Connection.class, "Forwarding", "", Wrapper.class, "target"),
            new Spec(Statement.class, "Forwarding", "", Wrapper.class, "target"),
            // A prepared statement is first a statement of the layer (its warnings, its result sets), then
            // forwards what only a PreparedStatement has.
            new Spec(PreparedStatement.class, "JdbcLayer.LayerStatement", "java.sql.Connection connection",
                    Statement.class, "prepared"),
            new Spec(ResultSet.class, "Forwarding", "", Wrapper.class, "target"),
            new Spec(ResultSetMetaData.class, "Forwarding", "", Wrapper.class, "target"),
            new Spec(ParameterMetaData.class, "Forwarding", "", Wrapper.class, "target"),
            new Spec(DatabaseMetaData.class, "Forwarding", "", Wrapper.class, "target"));

    private ForwardingGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java ForwardingGenerator.java OUTPUT_DIRECTORY");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).resolve(PACKAGE.replace('.', '/'));
        Files.createDirectories(dir);
        for (Spec spec : SPECS) {
            Path file = dir.resolve(spec.name() + ".java");
            String source = source(spec);
            // Unchanged sources keep their time stamps, so an incremental build does not recompile them.
            if (!Files.exists(file) || !Files.readString(file).equals(source)) {
                Files.writeString(file, source);
            }
        }
    }

    static String source(Spec spec) {
        List<Method> methods = forwarded(spec);
        Set<Class<?>> layered = new LinkedHashSet<>();
        StringBuilder body = new StringBuilder();
        for (Method m : methods) {
            body.append(method(spec, m, layered));
        }
        StringBuilder s = new StringBuilder();
        s.append("package ").append(PACKAGE).append(";\n\n");
        s.append("import java.sql.SQLException;\n\n");
        s.append("/**\n * Every method of {@link ").append(spec.api.getName()).append("} that ")
                .append(spec.superclass).append(" does not\n * forward already, forwarded to Calcite's object through ")
                .append("{@link Forwarding#call}. Generated from the JDK's\n * interface by ")
                .append("jdbc-driver/src/build/ForwardingGenerator.java: edit the generator, not this file.\n */\n");
        s.append("@javax.annotation.processing.Generated(\"ForwardingGenerator\")\n");
        s.append("@SuppressWarnings(\"deprecation\")\n");
        s.append("abstract class ").append(spec.name()).append(" extends ").append(spec.superclass)
                .append(" implements ").append(spec.api.getName()).append(" {\n");
        s.append("    final ").append(spec.api.getName()).append(' ').append(spec.field).append(";\n\n");
        String extra = spec.superArguments.isEmpty() ? "" : ", " + spec.superArguments;
        String extraNames = spec.superArguments.isEmpty() ? "" : ", " + Arrays.stream(spec.superArguments.split(","))
                .map(a -> a.trim().substring(a.trim().lastIndexOf(' ') + 1)).collect(Collectors.joining(", "));
        s.append("    ").append(spec.name()).append('(').append(spec.api.getName()).append(' ').append(spec.field)
                .append(extra).append(") {\n");
        if (spec.superclass.equals("Forwarding")) {
            s.append("        super(\"").append(spec.api.getSimpleName()).append("\", ").append(spec.field).append(");\n");
        } else {
            s.append("        super(").append(spec.field).append(extraNames).append(");\n");
        }
        s.append("        this.").append(spec.field).append(" = ").append(spec.field).append(";\n    }\n");
        for (Class<?> type : layered) {
            if (declaredBySuperclass(spec, type)) {
                continue;
            }
            s.append("\n    /** The layer's object for Calcite's {@code ").append(type.getSimpleName())
                    .append("} (null for null). */\n");
            s.append("    abstract ").append(type.getName()).append(" layer(").append(type.getName())
                    .append(" calcite) throws SQLException;\n");
        }
        s.append(body);
        s.append("}\n");
        return s.toString();
    }

    /** A superclass that is a generated class's subclass already declares layer(...) for the types it returns. */
    private static boolean declaredBySuperclass(Spec spec, Class<?> type) {
        if (spec.superclass.equals("Forwarding")) {
            return false;
        }
        return Arrays.stream(spec.inherited.getMethods()).anyMatch(m -> m.getReturnType() == type);
    }

    /** The interface's instance methods, less Wrapper's (Forwarding answers them) and the inherited interface's. */
    static List<Method> forwarded(Spec spec) {
        Map<String, Method> bySignature = new LinkedHashMap<>();
        List<Method> all = new ArrayList<>(Arrays.asList(spec.api.getMethods()));
        all.sort(Comparator.comparing(Method::getName).thenComparing(m -> Arrays.toString(m.getParameterTypes())));
        for (Method m : all) {
            if (Modifier.isStatic(m.getModifiers()) || isDeclaredIn(m, Wrapper.class) || isDeclaredIn(m, spec.inherited)) {
                continue;
            }
            String signature = m.getName() + Arrays.toString(m.getParameterTypes());
            Method seen = bySignature.get(signature);
            // AutoCloseable.close() and Connection.close(): keep the most specific declaration
            if (seen == null || seen.getDeclaringClass().isAssignableFrom(m.getDeclaringClass())) {
                bySignature.put(signature, m);
            }
        }
        return new ArrayList<>(bySignature.values());
    }

    private static boolean isDeclaredIn(Method m, Class<?> api) {
        try {
            api.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static String method(Spec spec, Method m, Set<Class<?>> layered) {
        StringBuilder s = new StringBuilder("\n");
        if (m.isAnnotationPresent(Deprecated.class)) {
            s.append("    @Deprecated\n");
        }
        s.append("    @Override\n    public ");
        TypeVariable<Method>[] variables = m.getTypeParameters();
        if (variables.length > 0) {
            StringJoiner v = new StringJoiner(", ", "<", "> ");
            for (TypeVariable<Method> t : variables) {
                v.add(t.getName());
            }
            s.append(v);
        }
        s.append(type(m.getGenericReturnType())).append(' ').append(m.getName()).append('(');
        Type[] parameters = m.getGenericParameterTypes();
        StringJoiner declared = new StringJoiner(", ");
        StringJoiner passed = new StringJoiner(", ");
        for (int i = 0; i < parameters.length; i++) {
            declared.add(type(parameters[i]) + " arg" + i);
            passed.add("arg" + i);
        }
        s.append(declared).append(')');
        Class<?>[] exceptions = m.getExceptionTypes();
        if (exceptions.length > 0) {
            StringJoiner t = new StringJoiner(", ", " throws ", "");
            for (Class<?> e : exceptions) {
                t.add(e.getName());
            }
            s.append(t);
        }
        s.append(" {\n        ");
        String forward = spec.field + "." + m.getName() + "(" + passed + ")";
        boolean translated = Arrays.asList(exceptions).contains(SQLException.class);
        Class<?> returned = m.getReturnType();
        if (!translated) {
            // Only a narrower exception may be thrown (setClientInfo's SQLClientInfoException): passed on as it is.
            s.append(returned == void.class ? forward + ";" : "return " + forward + ";");
        } else if (returned == void.class) {
            s.append("run(() -> ").append(forward).append(");");
        } else if (DECORATED.contains(returned)) {
            layered.add(returned);
            s.append("return layer(call(() -> ").append(forward).append("));");
        } else {
            s.append("return call(() -> ").append(forward).append(");");
        }
        s.append("\n    }\n");
        return s.toString();
    }

    /** A type as Java source: canonical class names, type arguments, wildcards and arrays. */
    static String type(Type t) {
        if (t instanceof Class<?> c) {
            return c.isArray() ? type(c.getComponentType()) + "[]" : c.getCanonicalName();
        }
        if (t instanceof ParameterizedType p) {
            StringJoiner args = new StringJoiner(", ", "<", ">");
            for (Type a : p.getActualTypeArguments()) {
                args.add(type(a));
            }
            return type(p.getRawType()) + args;
        }
        if (t instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "? super " + type(w.getLowerBounds()[0]);
            }
            Type upper = w.getUpperBounds()[0];
            return upper == Object.class ? "?" : "? extends " + type(upper);
        }
        if (t instanceof GenericArrayType a) {
            return type(a.getGenericComponentType()) + "[]";
        }
        if (t instanceof TypeVariable<?> v) {
            return v.getName();
        }
        throw new IllegalArgumentException("cannot write the type " + t);
    }
}
