package org.savevminspector.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Runs another program's {@code main} in this JVM and, when the JVM exits (also through {@code System.exit}),
 * prints on standard error one line {@value #MARK}{@code PEAK LIVE CPU}: the most heap in use (just before a
 * collection, or at the end: what the collector let the heap grow to, garbage included) and the most heap in use
 * right after a collection (what the program really held at its fullest, as far as the collections saw), in
 * bytes, and the CPU time of the whole process (all threads: the JIT and the collector too), in nanoseconds.
 * {@link CommandBench} starts it in a child JVM with the {@code -Xmx} under test, in front of a released jar that
 * knows nothing of it:
 * <pre>
 * java -Xmx256m -cp DIR-WITH-THIS-CLASS:app/target/savevm-inspector.jar \
 *     org.savevminspector.bench.PeakHeap org.savevminspector.app.Launcher inspect FILE
 * </pre>
 * Only this class and the JDK are needed on the class path besides the program's own jar.
 */
public final class PeakHeap {
    static final String MARK = "peak-heap: ";

    private PeakHeap() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 1) {
            System.err.println("usage: PeakHeap MAIN-CLASS [ARGS...]");
            System.exit(2);
        }
        AtomicLong peak = new AtomicLong();
        AtomicLong live = new AtomicLong();
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                heapPools.add(p.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    GarbageCollectionNotificationInfo info =
                            GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    peak.accumulateAndGet(heap(info.getGcInfo().getMemoryUsageBeforeGc(), heapPools), Math::max);
                    live.accumulateAndGet(heap(info.getGcInfo().getMemoryUsageAfterGc(), heapPools), Math::max);
                }
            }, null, null);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            System.err.println(MARK + Math.max(peak.get(), now) + " " + live.get() + " " + cpu);
            System.err.flush();
        }));
        try {
            // the program's jar is given on the class path at run time: this class cannot link it
            Class.forName(args[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The heap pools' share of a collection's usage map (which has the non-heap pools too). */
    private static long heap(Map<String, MemoryUsage> usage, Set<String> heapPools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> u : usage.entrySet()) {
            used += heapPools.contains(u.getKey()) ? u.getValue().getUsed() : 0;
        }
        return used;
    }
}
