package org.savevminspector.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.savevminspector.app.Launcher;

/**
 * The CLI in a real child process, for what an in-process run cannot show: standard input and output as the
 * process's own descriptors, pipes and FIFOs between processes, signals, the bytes of {@code argv}. Child JVMs
 * start slowly, so the tests batch what they can into one run; C1 and the serial collector halve the start-up.
 */
final class ChildCli {
    private ChildCli() {
    }

    /** A finished child: its exit code, standard output as bytes and standard error as text. */
    record Result(int exit, byte[] out, String err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + outText() + "--- err\n" + err;
        }
    }

    /** {@code java … Launcher} with the test class path, ready for arguments. */
    static List<String> java() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
    }

    /**
     * {@code bash -c script} with the java command as {@code "$@"}, so that the script can give the CLI process
     * substitutions, FIFOs and redirections exactly as a user's shell would.
     */
    static List<String> bash(String script) {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", script, "bash"));
        cmd.addAll(java());
        return cmd;
    }

    /** Starts {@code command} in {@code dir} with {@code env} added; its output goes to files in {@code dir}. */
    static Process start(List<String> command, Path dir, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(env);
        pb.redirectOutput(dir.resolve(".child-out").toFile());
        pb.redirectError(dir.resolve(".child-err").toFile());
        return pb.start();
    }

    /** Waits (at most a minute) for a child started by {@link #start}. */
    static Result finish(Process p, Path dir) throws IOException, InterruptedException {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child did not end within 60 s: "
                    + Files.readString(dir.resolve(".child-err")));
        }
        Result r = new Result(p.exitValue(), Files.readAllBytes(dir.resolve(".child-out")),
                Files.readString(dir.resolve(".child-err")));
        Files.delete(dir.resolve(".child-out"));
        Files.delete(dir.resolve(".child-err"));
        return r;
    }

    /** Runs {@code command} in {@code dir}, its standard input a pipe carrying {@code stdin} (then closed). */
    static Result run(List<String> command, Path dir, Map<String, String> env, byte[] stdin)
            throws IOException, InterruptedException {
        Process p = start(command, dir, env);
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        } catch (IOException e) {
            // the child may stop reading early (a refusal): what it says is what the test checks
        }
        return finish(p, dir);
    }

    /** As {@link #run} with nothing on standard input. */
    static Result run(List<String> command, Path dir, Map<String, String> env) {
        try {
            return run(command, dir, env, new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
