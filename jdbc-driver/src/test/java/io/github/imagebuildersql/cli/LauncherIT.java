package io.github.imagebuildersql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.EmulatorOptions;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar} re-executing itself with the class archive: recorded only by a complete, successful
 * run, never trusted when broken, and invisible to the user (output, exit status, streams, signals).
 * Evidence that a run mapped the archive: the JVM's own class-loading log, which names the shared objects
 * file as the source of the classes it mapped.
 */
class LauncherIT {
    static final String SQL = "select name from imagebuilder_image_pipeline where account_id = '111111111111' "
            + "and region = 'us-east-1' order by name";
    static final String ROWS = "name\r\nbastion-hardened\r\nci-runner-al2023\r\nci-runner-windows-2022\r\n";
    static final String MAPPED = "io.github.imagebuildersql.cli.Main source: shared objects file (top)";

    @TempDir
    Path cache;

    Map<String, String> env() {
        return Map.of("XDG_CACHE_HOME", cache.toString());
    }

    Jar.Result query(List<String> jvmOptions) {
        return Jar.run(jvmOptions, env(), null, "query", "--demo", "--format", "csv", SQL);
    }

    /** The class archive's files and any left by recording it; compiled plans have a directory of their own. */
    List<Path> files() throws Exception {
        Path dir = cache.resolve("imagebuilder-sql");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> !f.getFileName().toString().equals("plans")).sorted().toList();
        }
    }

    Path archive() throws Exception {
        List<Path> archives = files().stream().filter(f -> f.toString().endsWith(".jsa")).toList();
        assertEquals(1, archives.size(), "one archive: " + files());
        return archives.get(0);
    }

    @Test
    void theFirstCompleteRunRecordsTheArchiveAndTheNextRunMapsIt() throws Exception {
        Jar.Result first = query(List.of());
        assertEquals(0, first.exit(), first.err());
        assertEquals(ROWS, first.out());
        assertEquals("", first.err());
        Path archive = archive();
        assertEquals(List.of(archive, Path.of(archive + ".ok"), archive.resolveSibling(Launcher.LAUNCH_FILE)), files(),
                "the archive, its record and the script's launch file; no temporary file is left");
        assertEquals(String.valueOf(Files.size(archive)), Files.readString(Path.of(archive + ".ok")).trim());
        assertTrue(Files.size(archive) > 20_000_000, "the archive holds Calcite's classes: " + Files.size(archive));

        Jar.Result second = query(List.of("-Xlog:class+load=info"));
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.out().contains(MAPPED), "the second run maps the archive");
        assertTrue(second.out().contains(ROWS));
        assertEquals("", second.err());
    }

    /**
     * The script makes no choice of its own: it runs the command line the jar's launcher wrote, while that
     * still describes the jar, the java and the environment; with another JAVA_TOOL_OPTIONS it runs the jar,
     * whose launcher writes it again, and the next run is one JVM again.
     */
    @Test
    void theScriptRunsTheCommandLineTheLauncherWroteWhileItsEnvironmentHolds() throws Exception {
        assertEquals(0, query(List.of()).exit());
        Path launch = cache.resolve("imagebuilder-sql").resolve(Launcher.LAUNCH_FILE);
        List<String> written = Files.readAllLines(launch);
        assertEquals(Jar.FILE.toRealPath().toString(), written.get(0));
        assertTrue(written.contains("-XX:SharedArchiveFile=" + archive()), written.toString());
        assertEquals(Runtime.getRuntime().availableProcessors() <= Launcher.SMALL_MACHINE_CORES,
                written.containsAll(Launcher.SMALL_MACHINE_FLAGS), written.toString());

        Jar.Result changed = script(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info"));
        assertEquals(0, changed.exit(), changed.err());
        assertTrue(changed.out().contains(ROWS));
        assertEquals(2, count(changed.out(), "java.lang.Object source:"), "another environment: the jar, two JVMs");
        assertEquals("-Xlog:class+load=info", Files.readAllLines(launch).get(3), "written again for it");

        Jar.Result again = script(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info"));
        assertEquals(0, again.exit(), again.err());
        assertEquals(1, count(again.out(), "java.lang.Object source:"), "one JVM");
        assertTrue(again.out().contains(MAPPED));
        assertTrue(again.out().contains(ROWS));
    }

    Jar.Result script(Map<String, String> env) throws Exception {
        ProcessBuilder script = new ProcessBuilder(Path.of("..", "bin", "imagebuilder-sql").toString(), "query", "--demo",
                "--format", "csv", SQL);
        script.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("JAVA_TOOL_OPTIONS")
                || k.equals("JDK_JAVA_OPTIONS"));
        script.environment().putAll(env());
        script.environment().putAll(env);
        script.environment().put("IMAGEBUILDER_JAR", Jar.FILE.toAbsolutePath().toString());
        script.environment().put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
        return Jar.finish(script.start(), null);
    }

    /**
     * kill -9 of the process the user started (which cannot pass the signal on) ends the second JVM too, before
     * the export it runs replaces its file; the next export removes the unfinished file it left.
     */
    @Test
    void aKilledExportsSecondJvmDiesWithItAndItsFileIsUntouched() throws Exception {
        assertEquals(0, query(List.of()).exit());
        Fixture estate = Fixture.sampleEstate();
        Path out = Files.writeString(cache.resolve("pipelines.csv"), "the previous export\n");
        try (Emulator emulator = Emulator.start(estate, EmulatorOptions.defaults().withLatency(Duration.ofSeconds(2)))) {
            Map<String, String> env = new java.util.HashMap<>(env());
            env.putAll(Map.of("AWS_ACCESS_KEY_ID", estate.credentials().accessKeyId(), "AWS_SECRET_ACCESS_KEY",
                    estate.credentials().secretAccessKey(), "AWS_REGION", "us-east-1"));
            Process p = start(List.of(), env, "export", "--endpoint", emulator.endpoint().toString(), "--accounts", "org",
                    "--roleName", "ImageBuilderInventoryRole", "--table", "imagebuilder_image_pipeline", "--out", out.toString());
            Path partial = waitFor(() -> partials(out).stream().findFirst().orElse(null));
            ProcessHandle second = p.children().findFirst().orElseThrow();
            String name = partial.getFileName().toString();
            assertEquals(second.pid(), Long.parseLong(name.split("\\.")[3]), "the second JVM writes " + name);
            assertTrue(second.isAlive());

            p.destroyForcibly(); // SIGKILL
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertTrue(second.onExit().get(60, TimeUnit.SECONDS) != null);
            assertFalse(second.isAlive(), "the second JVM died with the first");
            assertEquals("the previous export\n", Files.readString(out), "the file is untouched");
            assertEquals(List.of(partial), partials(out), "a SIGKILL leaves the unfinished file");

            Jar.Result next = Jar.run(List.of(), env, null, "export", "--endpoint", emulator.endpoint().toString(),
                    "--table", "imagebuilder_image_pipeline", "--out", out.toString());
            assertEquals(0, next.exit(), next.err());
            assertEquals(List.of(), partials(out), "the next export removed it, its process being gone");
        }
    }

    static List<Path> partials(Path out) {
        try (Stream<Path> files = Files.list(out.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith("." + out.getFileName() + ".")
                    && f.getFileName().toString().endsWith(".partial")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits, up to a minute, for something to be there (a file, a process). */
    static <T> T waitFor(java.util.function.Supplier<T> what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        for (T found = what.get(); ; found = what.get()) {
            if (found != null) {
                return found;
            }
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(10); // between looks, not instead of one
        }
    }

    @Test
    void aRunThatFailsKeepsNoArchiveAndItsStatusAndMessageAreUnchanged() throws Exception {
        Jar.Result r = Jar.run(List.of(), env(), null, "query", "--demo", "select nope from imagebuilder_image_pipeline");
        assertEquals(2, r.exit());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("imagebuilder-sql: "), r.err());
        assertTrue(r.err().contains("nope"), r.err());
        assertEquals(List.of(), files(), "nothing recorded, nothing left behind");
    }

    @Test
    void aRunWhoseReaderStopsEarlyKeepsNoArchive() throws Exception {
        // About 280 kB: more than a pipe holds, so the writes fail once the reader has gone, as with | head -3.
        String many = "select a.*, b.* from imagebuilder_image_pipeline a, imagebuilder_image_pipeline b";
        Process p = start(List.of(), env(), "query", "--demo", "--format", "csv", many);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (int i = 0; i < 3; i++) {
                assertTrue(out.readLine() != null);
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(List.of(), files(), "an archive of a run cut short is not kept");

        Jar.Result complete = query(List.of());
        assertEquals(0, complete.exit(), complete.err());
        archive();
    }

    @Test
    void aBrokenArchiveIsReplacedNotTrusted() throws Exception {
        assertEquals(0, query(List.of()).exit());
        Path archive = archive();
        // What the old launcher left behind: a small archive (here, the start of a real one).
        byte[] start = new byte[1_700_000];
        try (var in = Files.newInputStream(archive)) {
            assertEquals(start.length, in.readNBytes(start, 0, start.length));
        }
        Files.delete(archive);
        Files.write(archive, start);

        Jar.Result r = query(List.of("-Xlog:class+load=info"));
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains(MAPPED), "a broken archive is not mapped");
        assertTrue(r.out().contains(ROWS));
        assertTrue(Files.size(archive()) > 20_000_000, "it was recorded again");

        Files.delete(Path.of(archive + ".ok"));
        Jar.Result unconfirmed = query(List.of("-Xlog:class+load=info"));
        assertFalse(unconfirmed.out().contains(MAPPED), "an archive without its .ok file is not mapped");
        assertTrue(Files.exists(Path.of(archive + ".ok")), "it was recorded again");
    }

    @Test
    void archivesOfAnOlderJarAreRemovedWhenANewOneIsRecorded() throws Exception {
        assertEquals(0, query(List.of()).exit());
        Path archive = archive();
        String name = archive.getFileName().toString();
        Path older = archive.resolveSibling(name.substring(0, name.indexOf('-')) + "-0123456789abcdef.jsa");
        Path otherJar = archive.resolveSibling("0123456789abcdef-0123456789abcdef.jsa");
        Files.writeString(older, "old");
        Files.writeString(otherJar, "another jar's");
        Files.delete(Path.of(archive + ".ok"));

        assertEquals(0, query(List.of()).exit());
        assertFalse(Files.exists(older), "this jar's archive for another version is removed");
        assertTrue(Files.exists(otherJar), "another jar's archive is left alone");
    }

    @Test
    void aCacheDirectoryThatCannotBeCreatedRunsInOneJvm(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "");
        Jar.Result r = Jar.run(List.of("-Xlog:class+load=info"), Map.of("XDG_CACHE_HOME", file.toString()), null,
                "query", "--demo", "--format", "csv", SQL);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(ROWS));
        assertEquals(1, count(r.out(), "java.lang.Object source:"), "one JVM");
    }

    @Test
    void helpVersionAndTheSwitchRunInOneJvmAndRecordNothing() throws Exception {
        for (List<String> args : List.of(List.of("--help"), List.of("query", "--help"), List.of("--version"))) {
            Jar.Result r = Jar.run(List.of(), env(), null, args.toArray(String[]::new));
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("imagebuilder-sql"), r.out());
        }
        Jar.Result off = Jar.run(List.of(), Map.of("XDG_CACHE_HOME", cache.toString(), Launcher.SWITCH, "off"), null,
                "query", "--demo", "--format", "csv", SQL);
        assertEquals(ROWS, off.out());
        assertEquals(List.of(), files());
    }

    @Test
    void standardInputAndTheUsersJvmFlagsReachTheCommand() throws Exception {
        assertEquals(0, query(List.of()).exit());
        Jar.Result r = Jar.run(List.of("-Duser.timezone=America/Los_Angeles", "-Xmx200m", "-Xlog:class+load=info"),
                env(), SQL, "query", "--demo", "--format", "csv", "--file", "-");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(MAPPED));
        assertTrue(r.out().contains(ROWS));
    }

    @Test
    void sigtermEndsBothJvmsAndTheStatusSaysSo() throws Exception {
        assertEquals(0, query(List.of()).exit());
        // A shell that answered a statement and waits for the next one on an open stdin.
        Process p = start(List.of(), env(), "shell", "--demo", "--history", cache.resolve("history").toString());
        p.getOutputStream().write("select count(*) as answered from imagebuilder_workflow;\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().flush();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null && !line.contains("ANSWERED") && !line.contains("answered"); ) {
            line = out.readLine();
        }
        List<ProcessHandle> children = p.children().toList();
        assertEquals(1, children.size(), "one second JVM");
        List<String> childFlags = List.of(children.get(0).info().arguments().orElseThrow());
        assertEquals(Runtime.getRuntime().availableProcessors() <= Launcher.SMALL_MACHINE_CORES,
                childFlags.containsAll(Launcher.SMALL_MACHINE_FLAGS), "C1 and the serial collector on a small machine: "
                + childFlags);
        String hugePages = Launcher.hugePagesMode();
        assertEquals(hugePages != null && hugePages.contains("[madvise]"), childFlags.contains(Launcher.HUGE_PAGES_FLAG),
                "transparent huge pages where the kernel (" + hugePages + ") gives them on request: " + childFlags);
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, p.exitValue(), "128 + SIGTERM");
        assertTrue(children.get(0).onExit().get(60, TimeUnit.SECONDS) != null);
        assertFalse(children.get(0).isAlive(), "no JVM is left behind");
        p.getOutputStream().close();
        out.close();
    }

    @Test
    void theFlagsOfTheFirstJvmAreReadFromItsCommandLine() {
        String[] args = {"query", "-jar", "x"};
        assertEquals(List.of("-Xmx1g", "-Dk=v"), Launcher.jvmFlags(
                List.of("-Xmx1g", "-cp", "other.jar", "-Dk=v", "-jar", "the.jar", "query", "-jar", "x"), args));
        assertEquals(null, Launcher.jvmFlags(List.of("-XX:SharedArchiveFile=a.jsa", "-jar", "the.jar", "query", "-jar",
                "x"), args), "the user's own sharing flags win");
        assertEquals(null, Launcher.jvmFlags(List.of("-cp", "the.jar", "io.github.imagebuildersql.cli.Launcher", "query",
                "-jar", "x"), args), "not started with -jar");
        assertNotEquals(null, Launcher.jvmFlags(List.of("-jar", "the.jar", "query", "-jar", "x"), args));
    }

    @Test
    void onASmallMachineTheSecondJvmUsesC1AndTheSerialCollectorUnlessTheUserChoseOtherwise() {
        assertEquals(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.2"),
                Launcher.defaultFlags(List.of("-Xmx1g"), 2));
        assertEquals(Launcher.SMALL_MACHINE_FLAGS, Launcher.defaultFlags(List.of("-XX:+UseCompressedOops"), 4),
                "a flag about something else is no choice of collector");
        assertEquals(List.of(), Launcher.defaultFlags(List.of("-XX:+UseG1GC"), 2), "the user's collector");
        assertEquals(List.of(), Launcher.defaultFlags(List.of("-XX:TieredStopAtLevel=4"), 2), "the user's compiler");
        assertEquals(List.of(), Launcher.defaultFlags(List.of("-Xint"), 2));
        for (String choice : List.of("-XX:-UseSerialGC", "-XX:+UseParallelGC", "-XX:-TieredCompilation", "-Xcomp",
                "-XX:CICompilerCount=2", "-XX:CompileThresholdScaling=1")) {
            assertEquals(List.of(), Launcher.defaultFlags(List.of("-Xmx1g", choice), 2), choice);
        }
        for (String other : List.of("-XX:+UseGCOverheadLimit", "-XX:+UseTransparentHugePages", "-XX:+Use-GC",
                "-XX:GCTimeRatio=4")) {
            assertEquals(Launcher.SMALL_MACHINE_FLAGS, Launcher.defaultFlags(List.of(other), 2), other);
        }
        assertEquals(List.of(), Launcher.defaultFlags(List.of(), 8), "with cores to spare C2 pays for itself");
    }

    @Test
    void onNewerJdksTheSecondJvmAllowsWhatTheLibrariesInsideDoUnlessTheUserChoseOtherwise() {
        String unsafe = "--sun-misc-unsafe-memory-access=allow";
        String nativeCode = "--enable-native-access=ALL-UNNAMED";
        assertEquals(List.of(), Launcher.restrictedAccessFlags(List.of(), 17));
        assertEquals(List.of(nativeCode), Launcher.restrictedAccessFlags(List.of(), 22));
        assertEquals(List.of(unsafe, nativeCode), Launcher.restrictedAccessFlags(List.of(), 23));
        assertEquals(List.of(unsafe, nativeCode), Launcher.restrictedAccessFlags(List.of("-Xmx1g"), 25));
        assertEquals(List.of(nativeCode),
                Launcher.restrictedAccessFlags(List.of("--sun-misc-unsafe-memory-access=deny"), 25),
                "the user's choice");
        assertEquals(List.of(unsafe), Launcher.restrictedAccessFlags(List.of("--enable-native-access=ALL-UNNAMED"), 25),
                "the user's choice");
    }

    @Test
    void onAJdkThatWarnsACommandPrintsNothingButItsOwnOutput() {
        String java = newerJava();
        assumeTrue(java != null, "no JDK 24 or newer at hand: the build's trino.jdk names one");
        Jar.Result quiet = Jar.runOn(java, List.of(), env(), null, "query", "--demo", "--format", "csv", SQL);
        assertEquals(0, quiet.exit(), quiet.err());
        assertEquals(ROWS, quiet.out());
        assertEquals("", quiet.err(), "JEP 498's lines about the protobuf inside Avatica are not the user's business");

        String statement = "select count(*) from imagebuilder_image_pipeline;\n";
        Map<String, String> oneJvm = Map.of("XDG_CACHE_HOME", cache.toString(), Launcher.SWITCH, "off");
        for (Map<String, String> env : List.of(env(), oneJvm)) { // one JVM: the jar's manifest allows it
            Jar.Result shell = Jar.runOn(java, List.of(), env, statement, "shell", "--demo");
            assertEquals(0, shell.exit(), shell.err());
            assertFalse(shell.err().contains("restricted method"), "JEP 472's lines about JLine's JNA, "
                    + env + ": " + shell.err());
        }

        Jar.Result warned = Jar.runOn(java, List.of("--sun-misc-unsafe-memory-access=warn"), env(), null, "query",
                "--demo", "--format", "csv", SQL);
        assertEquals(ROWS, warned.out());
        assertTrue(warned.err().contains("sun.misc.Unsafe::arrayBaseOffset"), "the user's own choice wins: "
                + warned.err());
    }

    /** A JDK 24 or newer: the one running the tests, or the one the build names for the Trino module. */
    private static String newerJava() {
        if (Runtime.version().feature() >= 24) {
            return ProcessHandle.current().info().command().orElse(null);
        }
        Path java = Path.of(System.getProperty("newer.jdk", "none"), "bin", "java");
        return Files.isExecutable(java) ? java.toString() : null;
    }

    @Test
    void theSecondJvmAsksForTransparentHugePagesWhereTheKernelGivesThemOnRequestUnlessTheUserChosePages() {
        String onRequest = "always [madvise] never\n";
        assertEquals(List.of("-XX:+UseTransparentHugePages"), Launcher.pageFlags(List.of("-Xmx1g"), onRequest));
        assertEquals(List.of(), Launcher.pageFlags(List.of(), "[always] madvise never\n"), "every process has them");
        assertEquals(List.of(), Launcher.pageFlags(List.of(), "always madvise [never]\n"), "the JVM would only warn");
        assertEquals(List.of(), Launcher.pageFlags(List.of(), null), "no such kernel setting");
        for (String choice : List.of("-XX:-UseTransparentHugePages", "-XX:+UseTransparentHugePages",
                "-XX:+UseLargePages", "-XX:-UseLargePages", "-XX:LargePageSizeInBytes=2m")) {
            assertEquals(List.of(), Launcher.pageFlags(List.of("-Xmx1g", choice), onRequest), choice);
        }
        assertEquals(List.of("-XX:+UseTransparentHugePages"), Launcher.pageFlags(List.of("-XX:+UseSerialGC",
                "-XX:+UseLargePagesInMetaspace"), onRequest), "flags about something else");
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static Process start(List<String> jvmOptions, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(Jar.FILE.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().putAll(env);
        return pb.start();
    }
}
