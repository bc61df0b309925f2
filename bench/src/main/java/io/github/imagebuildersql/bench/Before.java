package io.github.imagebuildersql.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An earlier commit's build, measured beside this one ({@code bench/run --before COMMIT}, which builds it
 * in bench/target/before/): a change's cost or saving is read from one run on one machine, with the two
 * taking turns, not from two runs days apart on processors that differ by a factor of three.
 */
record Before(String commit, Path root) {

    Path jar() {
        return root.resolve("jdbc-driver/target/imagebuilder-jdbc.jar");
    }

    Path launcher() {
        return root.resolve("bin/imagebuilder-sql");
    }

    /** How a row names it: "at 1b4cc63 (before)". */
    String label() {
        return "at " + commit + " (before)";
    }

    /** The {@code --before COMMIT=DIRECTORY} arguments bench/run passes, in their order. */
    static List<Before> fromArguments(List<String> args) {
        List<Before> before = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (!args.get(i).equals("--before") || i + 1 == args.size() || !args.get(i + 1).contains("=")) {
                throw new IllegalArgumentException("expected --before COMMIT=DIRECTORY, got " + args.subList(i, args.size()));
            }
            String value = args.get(++i);
            before.add(new Before(value.substring(0, value.indexOf('=')), Path.of(value.substring(value.indexOf('=') + 1))));
        }
        return List.copyOf(before);
    }
}
