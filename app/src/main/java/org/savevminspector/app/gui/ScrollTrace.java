package org.savevminspector.app.gui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;

/**
 * With {@code -Dsavevm.inspector.perf.scroll=true} (and {@code savevm.inspector.perf}), once the file is shown:
 * scrolls the structure tree to its last row, opens the last group there, then scrolls the opened tree from top
 * to bottom a page at a time, logging the time each step took to reach the screen (the longest page tells whether
 * the tree freezes), in wall time and in CPU time of the FX thread (what a loaded machine does not distort). For
 * measuring a stream of a million sections under Xvfb; not a test.
 */
final class ScrollTrace {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final MainWindow window;
    private final TreeTableView<?> tree;
    private final Runnable then;
    private long t0;
    private long cpu0;
    private int row;
    private int page;
    private long longestPage;
    private long longestPageCpu;
    private long pagesCpu;
    private int pages;
    private long pagesStart;

    private ScrollTrace(MainWindow window, TreeTableView<?> tree, Runnable then) {
        this.window = window;
        this.tree = tree;
        this.then = then;
    }

    static void run(MainWindow window, Runnable then) {
        TreeTableView<?> tree = (TreeTableView<?>) window.stage().getScene().lookup("#structureTree");
        new ScrollTrace(window, tree, then).toLastRow();
    }

    private void toLastRow() {
        start();
        tree.scrollTo(tree.getExpandedItemCount() - 1);
        window.onNextFrame(() -> {
            Perf.log("scroll to the last of %d rows: %.1f ms to the screen, FX thread CPU %.1f ms",
                    tree.getExpandedItemCount(), ms(t0), cpuMs(cpu0));
            openLastGroup();
        });
    }

    private void openLastGroup() {
        TreeItem<?> root = tree.getRoot();
        TreeItem<?> last = root.getChildren().get(root.getChildren().size() - 1);
        start();
        last.setExpanded(true);
        tree.scrollTo(tree.getExpandedItemCount() - 1);
        window.onNextFrame(() -> {
            Perf.log("open the last group (%d rows) and scroll to its end: %.1f ms to the screen, "
                    + "FX thread CPU %.1f ms", last.getChildren().size(), ms(t0), cpuMs(cpu0));
            page = Math.max(1, (int) (tree.getHeight() / Math.max(1, tree.getFixedCellSize() > 0
                    ? tree.getFixedCellSize() : 24)) - 1);
            row = 0;
            pagesStart = System.nanoTime();
            pagesCpu = THREADS.getCurrentThreadCpuTime();
            nextPage();
        });
    }

    private void nextPage() {
        if (row >= tree.getExpandedItemCount()) {
            Perf.log("scroll through %d rows, %d pages of %d: %.1f ms (FX thread CPU %.1f ms), longest page %.1f ms "
                    + "(CPU %.1f ms)", tree.getExpandedItemCount(), pages, page, ms(pagesStart), cpuMs(pagesCpu),
                    longestPage / 1e6, longestPageCpu / 1e6);
            then.run();
            return;
        }
        start();
        tree.scrollTo(row);
        window.onNextFrame(() -> {
            longestPage = Math.max(longestPage, System.nanoTime() - t0);
            longestPageCpu = Math.max(longestPageCpu, THREADS.getCurrentThreadCpuTime() - cpu0);
            pages++;
            row += page;
            nextPage();
        });
    }

    private void start() {
        t0 = System.nanoTime();
        cpu0 = THREADS.getCurrentThreadCpuTime();
    }

    private static double cpuMs(long since) {
        return (THREADS.getCurrentThreadCpuTime() - since) / 1e6;
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }
}
