package io.github.imagebuildersql.demo;

import io.github.imagebuildersql.core.config.DemoEstate;
import io.github.imagebuildersql.core.config.DemoEstateProvider;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The bundled sample estate (an organisation of four accounts, one suspended, in three regions) on one emulator
 * per JVM, shared by every connection that holds it: a BI tool that opens six connections starts one emulator.
 * It starts with the first hold and stops when the last is closed, so a JVM whose demo connections are all
 * closed has nothing of the demo left running.
 */
public final class SampleEstateProvider implements DemoEstateProvider {
    static final String ROLE = "ImageBuilderInventoryRole";
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");

    private static final Object LOCK = new Object();
    /** The running (or starting) emulator and how many holds it has; guarded by LOCK. */
    private static CompletableFuture<Emulator> running;
    private static int holds;

    @Override
    public DemoEstate open() {
        CompletableFuture<Emulator> emulator;
        synchronized (LOCK) {
            emulator = started();
            holds++;
        }
        try {
            return new Hold(emulator.join());
        } catch (CompletionException | IllegalStateException e) {
            release();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public void startAhead() {
        synchronized (LOCK) {
            started();
        }
    }

    /** The emulator, starting it on a thread of its own if it is not running. */
    private static CompletableFuture<Emulator> started() {
        if (running == null) {
            running = CompletableFuture.supplyAsync(SampleEstateProvider::startEmulator, r -> {
                Thread t = new Thread(r, "imagebuilder-demo-start");
                t.setDaemon(true);
                t.start();
            });
        }
        return running;
    }

    private static Emulator startEmulator() {
        try {
            return Emulator.start(Fixture.sampleEstate());
        } catch (IOException e) {
            throw new UncheckedIOException("demo: the demo estate's emulator could not start: " + e.getMessage(), e);
        }
    }

    /** Drops one hold; the last one stops the emulator. */
    private static void release() {
        CompletableFuture<Emulator> stopping = null;
        synchronized (LOCK) {
            if (--holds == 0) {
                stopping = running;
                running = null;
            }
        }
        if (stopping != null) {
            stopping.thenAccept(Emulator::close);
        }
    }

    /** Whether an emulator of the demo is running or starting in this JVM (tests check nothing is left). */
    public static boolean running() {
        synchronized (LOCK) {
            return running != null;
        }
    }

    private static final class Hold implements DemoEstate {
        private final Emulator emulator;
        private boolean closed;

        Hold(Emulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public URI endpoint() {
            return emulator.endpoint();
        }

        @Override
        public String accessKeyId() {
            return emulator.fixture().credentials().accessKeyId();
        }

        @Override
        public String secretAccessKey() {
            return emulator.fixture().credentials().secretAccessKey();
        }

        @Override
        public String role() {
            return ROLE;
        }

        @Override
        public List<String> regions() {
            return REGIONS;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                release();
            }
        }
    }
}
