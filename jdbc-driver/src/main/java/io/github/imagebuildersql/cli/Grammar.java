package io.github.imagebuildersql.cli;

import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The commands' options, declared in code. picocli's annotations say the same, but picocli reads them by
 * reflection and the JDK defines a proxy class for every annotation type it parses: 86 against 29 ms of
 * CPU for the query command in a new JVM with the class archive, all of it on the main thread before the
 * command connects.
 */
final class Grammar {
    private Grammar() {}

    /** A command whose options are added by hand; picocli calls the object (a Callable or Runnable). */
    static CommandSpec command(Object command, String name, String[] description, String... footer) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        spec.name(name);
        spec.versionProvider(new Main.Version());
        spec.usageMessage().description(description).footer(footer);
        return spec;
    }

    /** What picocli's mixinStandardHelpOptions adds. */
    static void addHelpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
    }

    static OptionSpec.Builder option(String name, String label, Class<?> type, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(type).description(description);
    }

    static OptionSpec.Builder flag(String name, String description) {
        return OptionSpec.builder(name).type(boolean.class).initialValue(false).description(description);
    }

    static PositionalParamSpec parameter(String label, String description) {
        return PositionalParamSpec.builder().paramLabel(label).type(String.class).description(description).build();
    }

    /** Exactly one of these: the statement, or where to read it from. */
    static ArgGroupSpec exactlyOne(ArgSpec... choices) {
        ArgGroupSpec.Builder group = ArgGroupSpec.builder().exclusive(true).multiplicity("1");
        for (ArgSpec choice : choices) {
            group.addArg(choice);
        }
        return group.build();
    }

    /** An option's value after parsing: what was given, or its default. */
    static <T> T value(CommandSpec spec, String option) {
        return spec.findOption(option).getValue();
    }
}
