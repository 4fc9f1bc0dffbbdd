package org.savevminspector.app.gui;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.savevminspector.app.gui.hex.HexView;
import org.savevminspector.io.ByteSource;

/**
 * Measurement, not a test: scrolls the hex pane over a big file (e.g. 1 GiB of random bytes) one page per frame
 * and by random jumps, and prints paint time per frame, frame interval and used heap (after GC) before and
 * after. Run with the test class path, under Xvfb or headless Monocle:
 * {@code java -cp <test classpath> org.savevminspector.app.gui.HexScrollPerf FILE [frames]}.
 */
public final class HexScrollPerf {
    private HexScrollPerf() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> run(file, frames, done));
        done.await();
        Platform.exit();
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean m = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return m.getHeapMemoryUsage().getUsed();
    }

    private static void run(Path file, int frames, CountDownLatch done) {
        try {
            ByteSource src = ByteSource.open(file);
            HexView hex = new HexView(List.of());
            Stage stage = new Stage();
            Scene scene = new Scene(hex, 900, 700);
            Themes.apply(scene, false);
            stage.setScene(scene);
            stage.show();
            hex.setData(new HexPane.SourceBytes(src), 0);
            long heapBefore = usedHeapAfterGc();
            long[] paint = new long[frames];
            long[] interval = new long[frames];
            Random r = new Random(1);
            long rows = src.size() / 16;
            new AnimationTimer() {
                int i = -10; // warm-up frames
                long last;

                @Override
                public void handle(long now) {
                    if (i >= 0 && i < frames) {
                        interval[i] = now - last;
                    }
                    last = now;
                    if (i % 2 == 0) {
                        hex.scrollToRow(hex.firstVisibleRow() + hex.visibleRows()); // page down
                    } else {
                        hex.scrollToRow((long) (r.nextDouble() * rows)); // jump anywhere in the file
                    }
                    if (i >= 0 && i < frames) {
                        paint[i] = hex.lastPaintNanos();
                    }
                    i++;
                    if (i >= frames) {
                        stop();
                        long heapAfter = usedHeapAfterGc();
                        report(src.size(), paint, interval, heapBefore, heapAfter);
                        stage.close();
                        src.close();
                        done.countDown();
                    }
                }
            }.start();
        } catch (Exception e) {
            e.printStackTrace();
            done.countDown();
        }
    }

    private static void report(long size, long[] paint, long[] interval, long heapBefore, long heapAfter) {
        long[] p = paint.clone();
        long[] f = Arrays.copyOfRange(interval, 1, interval.length);
        Arrays.sort(p);
        Arrays.sort(f);
        System.out.printf(Locale.ROOT, "file %,d bytes, %d frames (alternating page-down and random jump)%n", size, paint.length);
        System.out.printf(Locale.ROOT, "paint per frame: median %.2f ms, p95 %.2f ms, max %.2f ms%n",
                p[p.length / 2] / 1e6, p[(int) (p.length * 0.95)] / 1e6, p[p.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "frame interval: median %.2f ms, p95 %.2f ms, max %.2f ms%n",
                f[f.length / 2] / 1e6, f[(int) (f.length * 0.95)] / 1e6, f[f.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "used heap after GC: before %.1f MiB, after %.1f MiB%n",
                heapBefore / 1048576.0, heapAfter / 1048576.0);
    }
}
