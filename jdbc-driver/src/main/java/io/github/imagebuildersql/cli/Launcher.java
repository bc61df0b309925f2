package io.github.imagebuildersql.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The jar's entry point. Most of a short command's time is the JVM loading and verifying Calcite's
 * classes; an AppCDS archive of them halves it, but only a command-line flag can give the JVM an
 * archive. So {@code java -jar} re-executes itself once, in a second JVM with the same flags plus the
 * archive, and passes stdin, stdout, stderr and the exit status through. The first run records the
 * archive (see {@link ClassArchive}); help and version run here, where a second JVM would not pay.
 *
 * <p>It stays in process when the JVM's command line cannot be read, when the user chose class
 * sharing flags themselves, with {@code IMAGEBUILDER_SQL_CDS=off}, and when no archive exists and none can
 * be recorded (a cache directory that cannot be written).
 */
public final class Launcher {
    static final String MAIN = "io.github.imagebuildersql.cli.Main";
    /** When the first JVM started (epoch milliseconds), for --timing in the second. */
    static final String STARTED_PROPERTY = "imagebuilder.launcher.started";
    /** The first JVM's process id, which the second watches so that its work dies with the first. */
    static final String PARENT_PROPERTY = "imagebuilder.launcher.parent";
    /**
     * The file in the cache directory that tells bin/imagebuilder-sql how this launcher would start the second
     * JVM (see {@link #launchFile}), so that the script makes no choice of its own.
     */
    static final String LAUNCH_FILE = "launch";
    static final String SWITCH = "IMAGEBUILDER_SQL_CDS";
    private static final Set<String> IN_PROCESS = Set.of("-h", "--help", "-V", "--version", "help");
    /** Flags that already decide class sharing, or give a class path that the re-execution replaces. */
    private static final List<String> USER_SHARING = List.of("-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit",
            "-Xshare:", "-XX:-UseSharedSpaces", "-XX:+AutoCreateSharedArchive", "-XX:DumpLoadedClassList",
            "-XX:SharedClassListFile");

    /**
     * The second JVM's collector and compiler, unless the user chose their own. A command runs for
     * seconds to minutes on a few cores, where C2's compiler threads and G1's bookkeeping compete with
     * the work for the same cores: with C1 only and the serial collector, the first row comes about 0.6 s
     * sooner, and a 200,000-row export takes 17% less time and a third less CPU (measured on 2 cores).
     * With more cores to spare, C2's faster code pays for its compile time, so it stays.
     *
     * <p>C1 compiles a method after a fifth of the JVM's usual invocations: an API call runs some thousand
     * methods of the SDK and its HTTP client once each, and at the usual 200 invocations each runs interpreted
     * for the first 200 calls of a scan. Measured on 2 cores (a {@code java -jar} scan of 300 accounts × 16
     * regions, 5,211 calls, 7 alternating runs): 0.62 against 0.74 ms of CPU per call; the price is at start-up,
     * where more is compiled: 20 to 30 ms more to a one-partition query's end, 40 to 50 ms more to the demo's
     * first row (BENCHMARKS.md, cases 6 and 13).
     */
    static final List<String> SMALL_MACHINE_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:CompileThresholdScaling=0.2");
    static final int SMALL_MACHINE_CORES = 4;
    /**
     * Transparent huge pages for the second JVM's heap, where the kernel gives them to a process that asks
     * (its mode is {@code madvise}; with {@code always} every process has them already, with {@code never}
     * the JVM would only warn). A command's heap is new memory it fills once: in 4 kB pages that is tens of
     * thousands of page faults and TLB misses, and in 2 MB pages a few hundred. Measured by hand on 2 cores
     * (alternating runs): a whole process scanning 10,800 pipelines took 3 to 8% less time and CPU, and the
     * demo's first row came 5% sooner.
     */
    static final String HUGE_PAGES_FLAG = "-XX:+UseTransparentHugePages";
    static final Path HUGE_PAGES_MODE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    static final String UNSAFE_ACCESS = "--sun-misc-unsafe-memory-access";
    static final String NATIVE_ACCESS = "--enable-native-access";
    /** Flags by which the user already chose the heap's page size (and -XX:LargePageSizeInBytes=). */
    private static final Set<String> USER_PAGES = Set.of("-XX:+UseLargePages", "-XX:-UseLargePages",
            "-XX:+UseTransparentHugePages", "-XX:-UseTransparentHugePages");

    private Launcher() {}

    public static void main(String[] args) throws InterruptedException {
        Child child = null;
        if (!"off".equalsIgnoreCase(System.getenv(SWITCH)) && worthASecondJvm(args)) {
            try {
                child = child(args);
            } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
                child = null; // the archive only saves time; the command runs here instead
            }
        }
        Process process = child == null ? null : child.start();
        if (process == null) {
            Main.main(args);
            return;
        }
        System.exit(child.waitFor(process));
    }

    static boolean worthASecondJvm(String[] args) {
        if (args.length == 0) {
            return false;
        }
        for (String a : args) {
            if (IN_PROCESS.contains(a)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The second JVM's command line, or null to stay in this one: java, the user's JVM flags, the archive
     * (mapped, or recorded under a temporary name), the jar as class path, Main and the arguments.
     */
    static Child child(String[] args) throws IOException, java.net.URISyntaxException {
        List<String> commandLine = commandLine();
        if (commandLine == null) {
            return null;
        }
        List<String> jvmFlags = jvmFlags(commandLine, args);
        if (jvmFlags == null) {
            return null;
        }
        Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toRealPath();
        if (!Files.isRegularFile(jar)) {
            return null;
        }
        ClassArchive archive = ClassArchive.of(ClassArchive.defaultDirectory(), jar,
                Path.of(System.getProperty("java.home")).toRealPath());
        List<String> command = new ArrayList<>();
        ClassArchive.Recording recording = null;
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        command.add(java.toString());
        command.addAll(ourFlags(flagsChosen(jvmFlags), Runtime.getRuntime().availableProcessors(), hugePagesMode(),
                Runtime.version().feature()));
        command.addAll(jvmFlags);
        if (archive.trusted()) {
            command.add("-XX:SharedArchiveFile=" + archive.archive());
            command.add("-Xshare:auto");
            writeLaunchFile(archive, jar, java);
        } else {
            recording = archive.startRecording();
            if (recording == null) {
                return null;
            }
            command.add("-XX:ArchiveClassesAtExit=" + recording.file);
            command.add("-D" + ClassArchive.RECORDING_COMPLETE_PROPERTY + "=" + recording.complete);
        }
        // The JVM's notes about classes it cannot archive are not the user's business.
        command.addAll(QUIET_SHARING);
        command.add("-D" + PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
        if (List.of(args).contains("--timing")) {
            ProcessHandle.current().info().startInstant()
                    .ifPresent(t -> command.add("-D" + STARTED_PROPERTY + "=" + t.toEpochMilli()));
        }
        command.add("-cp");
        command.add(jar.toString());
        command.add(MAIN);
        command.addAll(List.of(args));
        return new Child(command, recording, () -> writeLaunchFile(archive, jar, java));
    }

    /** The JVM's notes about classes it cannot archive are not the user's business. */
    private static final List<String> QUIET_SHARING = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    /**
     * What bin/imagebuilder-sql runs, one item a line: the jar's real path, its size and modification time in
     * seconds, the java command's real path, the values of JAVA_TOOL_OPTIONS and JDK_JAVA_OPTIONS the flags
     * were chosen under, then the java command and everything after it but the command's arguments: what
     * {@code java -jar} would start for a user who gave no JVM flags of their own. The script uses it only
     * when all of the first five still hold, and otherwise runs {@code java -jar}, which writes it again.
     */
    static List<String> launchFile(ClassArchive archive, Path jar, Path java, Map<String, String> env, int cores,
            String hugePagesMode) throws IOException {
        List<String> chosen = flagsChosen(List.of(), env);
        List<String> lines = new ArrayList<>(List.of(jar.toString(),
                Files.size(jar) + " " + Files.getLastModifiedTime(jar).to(TimeUnit.SECONDS), java.toRealPath().toString(),
                env.getOrDefault("JAVA_TOOL_OPTIONS", ""), env.getOrDefault("JDK_JAVA_OPTIONS", ""),
                java.toRealPath().toString()));
        lines.addAll(ourFlags(chosen, cores, hugePagesMode, Runtime.version().feature()));
        lines.add("-XX:SharedArchiveFile=" + archive.archive());
        lines.add("-Xshare:auto");
        lines.addAll(QUIET_SHARING);
        lines.addAll(List.of("-cp", jar.toString(), MAIN));
        return lines;
    }

    /** Writes the launch file when it would say something else; never fails the command. */
    private static void writeLaunchFile(ClassArchive archive, Path jar, Path java) {
        try {
            String text = String.join("\n", launchFile(archive, jar, java, System.getenv(),
                    Runtime.getRuntime().availableProcessors(), hugePagesMode())) + "\n";
            Path file = archive.archive().resolveSibling(LAUNCH_FILE);
            if (!Files.isRegularFile(file) || !Files.readString(file).equals(text)) {
                Path temporary = Files.createTempFile(file.getParent(), LAUNCH_FILE + ".", ".tmp");
                Files.writeString(temporary, text);
                AtomicFiles.replace(temporary, file);
            }
        } catch (IOException | RuntimeException e) {
            // the script then runs java -jar, one JVM slower
        }
    }

    /**
     * In the second JVM: ends it at once when the first JVM is gone (killed with SIGKILL, which it cannot pass
     * on), so that a command's work never outlives the process the user started: an export does not replace
     * its file afterwards, a sync does not commit. A halt, not an exit: no other thread runs on meanwhile (an
     * export's unfinished file is left for a later export to remove). The kernel gives an orphan a new parent
     * at once, so a changed parent is the sign; checking every 20 ms costs a read of /proc/self/stat.
     */
    static void dieWithParent() {
        String parent = System.getProperty(PARENT_PROPERTY);
        if (parent == null) {
            return;
        }
        long pid = Long.parseLong(parent);
        Thread watch = new Thread(() -> {
            while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == pid) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(128 + 9); // as if killed with it: nobody is left to read it
        }, "imagebuilder-sql-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * This JVM's arguments after the java command, or null when they cannot be read. On Linux straight from
     * /proc: ProcessHandle's view costs a cold JVM about 25 ms, a tenth of this first JVM's life.
     */
    static List<String> commandLine() throws IOException {
        Path proc = Path.of("/proc/self/cmdline");
        if (Files.isReadable(proc)) {
            String[] argv = new String(Files.readAllBytes(proc), java.nio.charset.Charset.forName(
                    System.getProperty("sun.jnu.encoding", "UTF-8"))).split("\0");
            return argv.length < 1 ? null : List.of(argv).subList(1, argv.length);
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        return self.arguments().map(List::of).orElse(null);
    }

    /**
     * The JVM flags of this process's command line ({@code java FLAGS -jar JAR ARGS}), or null when it
     * is not of that shape or already decides class sharing.
     */
    static List<String> jvmFlags(List<String> commandLine, String[] args) {
        int jarAt = commandLine.indexOf("-jar");
        if (jarAt < 0 || commandLine.size() != jarAt + 2 + args.length
                || !commandLine.subList(jarAt + 2, commandLine.size()).equals(List.of(args))) {
            return null;
        }
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < jarAt; i++) {
            String f = commandLine.get(i);
            if (startsWithAny(f, USER_SHARING)) {
                return null;
            }
            if (f.equals("-cp") || f.equals("-classpath") || f.equals("--class-path")) {
                i++; // ignored under -jar, and the second JVM has its own
            } else if (!f.startsWith("--class-path=")) {
                flags.add(f);
            }
        }
        return flags;
    }

    /** The user's flags: this JVM's, and those the JVM and the java launcher read from the environment. */
    private static List<String> flagsChosen(List<String> jvmFlags) {
        return flagsChosen(jvmFlags, System.getenv());
    }

    private static List<String> flagsChosen(List<String> jvmFlags, Map<String, String> env) {
        List<String> all = new ArrayList<>(jvmFlags);
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                all.addAll(List.of(value.trim().split("\\s+")));
            }
        }
        return all;
    }

    /**
     * The flags the second JVM gets on this machine when the user gave none of their own: what the launch file
     * names, and what the benchmarks give a process they run as one JVM so that it measures what users run.
     */
    public static List<String> flagsForThisMachine() {
        return ourFlags(List.of(), Runtime.getRuntime().availableProcessors(), hugePagesMode(),
                Runtime.version().feature());
    }

    /** The flags the second JVM gets before the user's own, who chose those given (theirs win). */
    static List<String> ourFlags(List<String> userFlags, int cores, String hugePagesMode, int javaFeature) {
        List<String> flags = new ArrayList<>(defaultFlags(userFlags, cores));
        flags.addAll(pageFlags(userFlags, hugePagesMode));
        flags.addAll(restrictedAccessFlags(userFlags, javaFeature));
        return List.copyOf(flags);
    }

    /**
     * What the libraries inside do that new JDKs restrict, allowed in the second JVM unless the user chose
     * otherwise. From JDK 24 on the JVM warns on stderr, four lines at every run, when code calls
     * sun.misc.Unsafe's memory access (JEP 498), as the protobuf runtime inside Calcite's Avatica does when a
     * connection opens, and when code loads a native library (JEP 472), as JNA does for the shell's terminal
     * (JLine): notices for the maintainers of those libraries, not for whoever runs a query. A JDK that denies
     * the Unsafe access fails every connection. The options exist from JDK 23 (JEP 471) and JDK 22 (JEP 454).
     */
    static List<String> restrictedAccessFlags(List<String> userFlags, int javaFeature) {
        List<String> flags = new ArrayList<>();
        if (javaFeature >= 23 && userFlags.stream().noneMatch(f -> f.startsWith(UNSAFE_ACCESS))) {
            flags.add(UNSAFE_ACCESS + "=allow");
        }
        if (javaFeature >= 22 && userFlags.stream().noneMatch(f -> f.startsWith(NATIVE_ACCESS))) {
            flags.add(NATIVE_ACCESS + "=ALL-UNNAMED");
        }
        return flags;
    }

    /** The collector and compiler flags the second JVM gets before the user's own. */
    static List<String> defaultFlags(List<String> userFlags, int cores) {
        for (String f : userFlags) {
            if (choosesCollectorOrCompiler(f)) {
                return List.of();
            }
        }
        return cores > SMALL_MACHINE_CORES ? List.of() : SMALL_MACHINE_FLAGS;
    }

    /** The huge pages flag the second JVM gets, unless the user chose the heap's pages themselves. */
    static List<String> pageFlags(List<String> userFlags, String hugePagesMode) {
        for (String f : userFlags) {
            if (USER_PAGES.contains(f) || f.startsWith("-XX:LargePageSizeInBytes=")) {
                return List.of();
            }
        }
        return hugePagesMode != null && hugePagesMode.contains("[madvise]") ? List.of(HUGE_PAGES_FLAG) : List.of();
    }

    /** The kernel's transparent huge pages mode ("always [madvise] never"), or null where there is none. */
    static String hugePagesMode() {
        try {
            return Files.readString(HUGE_PAGES_MODE, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return null; // not Linux, or a kernel without them
        }
    }

    /**
     * A flag by which the user already chose a collector or a compiler: -XX:[+-]Use...GC,
     * -XX:TieredStopAtLevel=, -XX:[+-]TieredCompilation, -Xint, -Xcomp, -XX:CICompilerCount=,
     * -XX:CompileThresholdScaling=. String tests, not a regular expression: compiling this JVM's first one cost
     * it about 13 ms of its 150.
     */
    private static boolean choosesCollectorOrCompiler(String f) {
        boolean collector = (f.startsWith("-XX:+Use") || f.startsWith("-XX:-Use")) && f.endsWith("GC")
                && wordCharacters(f, "-XX:+Use".length(), f.length() - "GC".length());
        return collector || f.startsWith("-XX:TieredStopAtLevel=") || f.equals("-XX:+TieredCompilation")
                || f.equals("-XX:-TieredCompilation") || f.equals("-Xint") || f.equals("-Xcomp")
                || f.startsWith("-XX:CICompilerCount=") || f.startsWith("-XX:CompileThresholdScaling=");
    }

    private static boolean wordCharacters(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithAny(String s, List<String> prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The second JVM: its command line, the archive it records, if it records one, and what writes the launch
     * file once it has.
     */
    record Child(List<String> command, ClassArchive.Recording recording, Runnable recorded) {
        /**
         * The second JVM, started with this process's stdin, stdout and stderr; or null when it cannot be
         * started (and then nothing has run yet). A Ctrl-C reaches both JVMs from the terminal: this one
         * ignores it and lets the command decide (the shell cancels a statement, a query stops).
         */
        Process start() {
            Runnable restoreInterrupt = ignoreInterrupt();
            try {
                return new ProcessBuilder(command).inheritIO().start();
            } catch (IOException | RuntimeException e) {
                restoreInterrupt.run();
                finish(-1);
                return null;
            }
        }

        /**
         * The second JVM's exit status. SIGTERM and SIGHUP end this JVM, which passes a SIGTERM on and waits
         * for the command to clean up.
         */
        int waitFor(Process process) throws InterruptedException {
            Thread stop = new Thread(() -> {
                if (process.isAlive()) {
                    process.destroy();
                    try {
                        if (!process.waitFor(30, TimeUnit.SECONDS)) {
                            process.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        process.destroyForcibly();
                    }
                    finish(-1);
                }
            }, "imagebuilder-sql-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            int exit = process.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException e) {
                return exit; // already shutting down: the hook finishes the recording
            }
            finish(exit);
            return exit;
        }

        private void finish(int exit) {
            if (recording != null && recording.finish(exit)) {
                recorded.run();
            }
        }
    }

    /**
     * A handler that does nothing, not SIG_IGN: an ignored signal would stay ignored in the second JVM.
     * Returns what puts the previous handler back.
     */
    @SuppressWarnings("restriction")
    private static Runnable ignoreInterrupt() {
        try {
            sun.misc.Signal interrupt = new sun.misc.Signal("INT");
            sun.misc.SignalHandler previous = sun.misc.Signal.handle(interrupt, signal -> { });
            return () -> sun.misc.Signal.handle(interrupt, previous);
        } catch (IllegalArgumentException e) {
            return () -> { }; // no SIGINT on this platform
        }
    }
}
