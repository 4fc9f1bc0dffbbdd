package org.savevminspector.app.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.savevminspector.container.ContainerIndexer;
import org.savevminspector.devices.checks.CheckCatalog;
import org.savevminspector.inspect.Inspector;
import org.savevminspector.loader.LoaderProfiles;

/**
 * The inspection engine of a command: the device layouts, loader profiles, checks and container walkers, built
 * once. {@link #start()} builds them on a thread of its own while picocli builds the command line (each takes
 * about a quarter of a {@code check} on the bundled sample, mostly classes and lambdas linked once, and a 2-core
 * machine can do both at once); {@link #inspector()} builds them on the caller's thread if that thread has not
 * begun yet, and otherwise waits for it. The CLI waits before it parses the arguments: until then it runs only
 * picocli, its own classes and at most the enums its options are typed with (severities, repair strategies,
 * whose initialisers need no other class), so the two threads cannot wait for each other's class-initialisation
 * locks.
 */
final class Engine {
    private final FutureTask<Inspector> build = new FutureTask<>(Engine::build);

    /** An engine built on demand, by the first {@link #inspector()} call. */
    Engine() {
    }

    /** An engine whose building has begun on a daemon thread. */
    static Engine start() {
        Engine e = new Engine();
        Thread t = new Thread(e.build, "engine-init");
        t.setDaemon(true);
        t.start();
        return e;
    }

    private static Inspector build() {
        Inspector inspector = Inspector.standard();
        LoaderProfiles.upstream();
        CheckCatalog.standard();
        ContainerIndexer.standard();
        return inspector;
    }

    /**
     * Waits until the engine is built, or builds it here. A failure is kept for {@link #inspector()}: the command
     * meets it again where picocli turns it into one line.
     */
    void await() {
        build.run();
        try {
            build.get();
        } catch (ExecutionException e) {
            // reported by the command's own inspector() call
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The standard inspector, once the engine is built. */
    Inspector inspector() {
        build.run(); // a no-op when the thread has begun: then get() waits for it
        try {
            return build.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the inspection engine was being built", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
