package org.savevminspector.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The commands themselves on streams of very many sections (issue 13 point 6; never part of the test verdict):
 * {@code inspect}, {@code inspect --format json}, {@code check --all-loaders}, {@code repair --strategy relabel}
 * and {@code diff} of the file with itself, run as a user runs them — a new JVM with the heap cap under test, the
 * released jar — on each file, for each jar given, and timed from process start to exit (the JVM's start
 * included). The peak heap comes from {@link PeakHeap}, in front of the jar's own main class.
 * <pre>
 * java -cp bench/target/benchmarks.jar org.savevminspector.bench.CommandBench --dir DIR \
 *     --jar new=app/target/savevm-inspector.jar [--jar old=OLD.jar] [--xmx 256m] [--retry-xmx 4g] \
 *     [--timeout 600] [--commands inspect,json,check,repair,diff] KIND:COUNT...
 * </pre>
 * {@code KIND:COUNT} names a stream of {@link ScaleBench#stream} ({@code part}, {@code start}, {@code timer},
 * {@code piix4acpi}), written into {@code DIR} once. A run that ends in an out-of-memory failure under the cap is
 * run again with {@code --retry-xmx} (when given) to show what it needed. Prints one Markdown table row per run:
 * file, command, jar, heap cap, wall time, the process's CPU time (all threads: on a shared machine the steadier
 * figure), exit code, peak heap, peak live heap after a collection, and, for an
 * exit code other than 0 (no findings) and 1 (findings) or a stack trace, how it failed (the first line of
 * standard error, or of the stack trace; "stopped" past the time-out).
 */
public final class CommandBench {
    /** The commands by the names {@code --commands} takes. */
    private static final Map<String, List<String>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("inspect", List.of("inspect", "{file}"));
        COMMANDS.put("json", List.of("inspect", "--format", "json", "{file}"));
        COMMANDS.put("check", List.of("check", "--all-loaders", "{file}"));
        COMMANDS.put("repair", List.of("repair", "{file}", "-o", "{out}", "--strategy", "relabel", "--force"));
        COMMANDS.put("diff", List.of("diff", "{file}", "{file}"));
    }

    private CommandBench() {
    }

    /** One jar under test: its name in the table and its path. */
    private record Jar(String name, Path path) {
    }

    /** What one run did. */
    private record Run(long wallMs, long cpuMs, int exit, long peak, long live, String failure, boolean stackTrace,
                       boolean timedOut) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = null;
        String xmx = "256m";
        String retry = null;
        long timeout = 600;
        List<String> commands = List.of("inspect", "json", "check", "repair", "diff");
        List<Jar> jars = new ArrayList<>();
        List<String> specs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--xmx" -> xmx = args[++i];
                case "--retry-xmx" -> retry = args[++i];
                case "--timeout" -> timeout = Long.parseLong(args[++i]);
                case "--commands" -> commands = List.of(args[++i].split(","));
                case "--jar" -> {
                    String[] kv = args[++i].split("=", 2);
                    jars.add(new Jar(kv[0], Path.of(kv[1])));
                }
                default -> specs.add(args[i]);
            }
        }
        if (dir == null || jars.isEmpty() || specs.isEmpty() || !COMMANDS.keySet().containsAll(commands)) {
            System.err.println("usage: CommandBench --dir DIR --jar NAME=JAR... [--xmx 256m] [--retry-xmx SIZE] "
                    + "[--timeout SECONDS] [--commands " + String.join(",", COMMANDS.keySet()) + "] KIND:COUNT...");
            System.exit(2);
        }
        Files.createDirectories(dir);
        Path classes = Path.of(PeakHeap.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path wrapper = wrapperDir(dir, classes);
        System.out.println("| file | bytes | command | jar | -Xmx | wall | CPU | exit | peak heap | peak live | failure |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (String spec : specs) {
            String[] kc = spec.split(":");
            int count = Integer.parseInt(kc[1]);
            Path file = dir.resolve(kc[0] + "-" + count + ".qevm");
            if (!Files.exists(file)) {
                Files.write(file, ScaleBench.stream(kc[0], count));
            }
            for (String name : commands) {
                List<String> command = COMMANDS.get(name);
                for (Jar jar : jars) {
                    Run r = run(wrapper, jar, xmx, command, file, dir, timeout);
                    print(file, command, jar, xmx, r);
                    if (retry != null && (r.failure().contains("OutOfMemoryError")
                            || r.failure().contains("out of memory"))) {
                        print(file, command, jar, retry, run(wrapper, jar, retry, command, file, dir, timeout));
                    }
                }
            }
        }
    }

    /**
     * A class path entry holding {@link PeakHeap} alone: the benchmarks jar also holds this branch's parser, which
     * must not shadow the classes of the jar under test.
     */
    private static Path wrapperDir(Path dir, Path codeSource) throws IOException {
        Path out = dir.resolve("peak-heap-classes");
        String name = PeakHeap.class.getName().replace('.', '/') + ".class";
        Path target = out.resolve(name);
        Files.createDirectories(target.getParent());
        if (Files.isDirectory(codeSource)) {
            Files.copy(codeSource.resolve(name), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
            try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(codeSource)) {
                Files.copy(jar.getPath(name), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return out;
    }

    private static Run run(Path wrapper, Jar jar, String xmx, List<String> command, Path file, Path dir,
                           long timeoutSeconds) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx, "-cp", wrapper + java.io.File.pathSeparator + jar.path(), PeakHeap.class.getName(),
                "org.savevminspector.app.Launcher"));
        Path out = dir.resolve("repaired-" + jar.name() + ".qevm");
        for (String c : command) {
            cmd.add(c.replace("{file}", file.toString()).replace("{out}", out.toString()));
        }
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        Files.delete(err);
        long peak = -1;
        long live = -1;
        long cpu = -1;
        String failure = "";
        boolean trace = false;
        for (String l : lines) {
            if (l.startsWith(PeakHeap.MARK)) {
                String[] n = l.substring(PeakHeap.MARK.length()).split(" ");
                peak = Long.parseLong(n[0]);
                live = Long.parseLong(n[1]);
                cpu = Long.parseLong(n[2]) / 1_000_000;
            } else if (l.startsWith("\tat ")) {
                trace = true;
            } else if (l.startsWith("Exception in thread")) {
                trace = true;
                failure = l;
            } else if (failure.isEmpty() && !l.isBlank() && !l.contains("indexing") && !l.contains("hashing")) {
                failure = l;
            }
        }
        return new Run(ms, cpu, done ? p.exitValue() : -1, peak, live, failure, trace, !done);
    }

    private static void print(Path file, List<String> command, Jar jar, String xmx, Run r) throws IOException {
        String what = String.join(" ", command).replace("{file}", "FILE").replace("{out}", "OUT");
        String failure = r.timedOut() ? "stopped after the time-out"
                : (r.stackTrace() ? "STACK TRACE: " : "") + r.failure().replace("|", "\\|");
        System.out.printf(Locale.ROOT, "| %s | %,d | `%s` | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                file.getFileName(), Files.size(file), what, jar.name(), xmx,
                String.format(Locale.ROOT, "%.1f s", r.wallMs() / 1000.0),
                r.cpuMs() < 0 ? "—" : String.format(Locale.ROOT, "%.1f s", r.cpuMs() / 1000.0),
                r.timedOut() ? "—" : r.exit(),
                mib(r.peak()), mib(r.live()), (r.exit() == 0 || r.exit() == 1) && !r.stackTrace() ? "" : failure);
        System.out.flush();
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "—" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }
}
