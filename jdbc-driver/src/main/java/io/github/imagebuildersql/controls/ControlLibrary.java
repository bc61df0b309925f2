package io.github.imagebuildersql.controls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The controls a check can run: those bundled in the jar, plus the user's own from a directory, in the same
 * format; and the benchmarks they name. {@value #ALL} holds every control.
 */
public final class ControlLibrary {
    public static final String ALL = "all";
    /** Where the bundled controls are; {@code index.txt} there names their files (a jar has no directory listing). */
    static final String BUNDLED = "/io/github/imagebuildersql/controls/";

    private final Map<String, Control> controls;

    private ControlLibrary(Map<String, Control> controls) {
        this.controls = controls;
    }

    /** The controls bundled in the jar, read once per JVM. */
    public static ControlLibrary bundled() {
        return Bundled.LIBRARY;
    }

    private static final class Bundled {
        static final ControlLibrary LIBRARY = readBundled();
    }

    private static ControlLibrary readBundled() {
        Map<String, Control> controls = new LinkedHashMap<>();
        for (String file : resource("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            add(controls, ControlFile.parse(file, resource(file)));
        }
        return new ControlLibrary(controls);
    }

    private static String resource(String name) {
        try (InputStream in = ControlLibrary.class.getResourceAsStream(BUNDLED + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks its bundled control " + BUNDLED + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** These controls and those of every {@code .sql} file in {@code dir}; an id may not be taken twice. */
    public ControlLibrary withDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new MalformedControlException(dir.toString(), 0, "no such directory");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".sql") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new MalformedControlException(dir.toString(), 0, "cannot be read: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new MalformedControlException(dir.toString(), 0, "holds no control (.sql file)");
        }
        Map<String, Control> all = new LinkedHashMap<>(controls);
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new MalformedControlException(f.toString(), 0, "cannot be read as UTF-8 text: " + e.getMessage());
            }
            add(all, ControlFile.parse(f.toString(), text));
        }
        return new ControlLibrary(all);
    }

    private static void add(Map<String, Control> controls, Control c) {
        Control taken = controls.putIfAbsent(c.id(), c);
        if (taken != null) {
            throw new MalformedControlException(c.source(), 0, "id " + c.id() + " is already the id of "
                    + taken.source() + "; give the control another id (and file name)");
        }
    }

    public List<Control> controls() {
        return List.copyOf(controls.values());
    }

    public Optional<Control> control(String id) {
        return Optional.ofNullable(controls.get(id));
    }

    /** Every benchmark's name, {@value #ALL} last. */
    public List<String> benchmarks() {
        TreeSet<String> names = new TreeSet<>();
        controls.values().forEach(c -> names.addAll(c.benchmarks()));
        List<String> all = new ArrayList<>(names);
        all.add(ALL);
        return all;
    }

    /** The benchmark's controls; empty for a name no control gives. */
    public List<Control> benchmark(String name) {
        return controls.values().stream().filter(c -> name.equals(ALL) || c.benchmarks().contains(name)).toList();
    }
}
