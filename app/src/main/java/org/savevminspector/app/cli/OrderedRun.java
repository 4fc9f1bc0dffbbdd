package org.savevminspector.app.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one job per item on {@code jobs} threads and hands the results on in the items' order, as soon as each one
 * and all before it are done: at most {@code jobs × 4} items are in flight or waiting to be handed on, so memory
 * stays bounded however many items there are, and one slow item holds back the output, never the work.
 */
final class OrderedRun {
    private OrderedRun() {
    }

    static <I, R> void run(Iterator<I> items, int jobs, Function<I, R> work, Consumer<R> sink) {
        int window = Math.max(1, jobs) * 4;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs), r -> {
            Thread t = new Thread(r, "check");
            t.setDaemon(true); // a signal ends the process without waiting for them
            return t;
        });
        try {
            Deque<Future<R>> pending = new ArrayDeque<>();
            while (items.hasNext() || !pending.isEmpty()) {
                while (items.hasNext() && pending.size() < window) {
                    I item = items.next();
                    pending.add(pool.submit(() -> work.apply(item)));
                }
                sink.accept(take(pending.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R take(Future<R> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException r) {
                        throw r;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(c);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
