package org.savevminspector.io;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Paths of command-line arguments as their bytes, not as Java decoded them. The JVM turns {@code argv} into
 * strings with {@code sun.jnu.encoding} (UTF-8 under {@code C.UTF-8}, ASCII under {@code C}; JDK 17 ignores
 * {@code -Dsun.jnu.encoding}), so a file name that is not valid in that charset arrives with U+FFFD in place of
 * its bytes and can no longer be opened. On Linux the bytes are still in {@code /proc/self/cmdline}; a
 * {@code file:} URI carries them percent-encoded, and {@link Path#of(URI)} builds the path from those bytes
 * without re-encoding them.
 *
 * <p>Such a name is shown with each undecodable byte as {@code \xNN} (valid UTF-8 kept), the way {@code ls -b}
 * shows it.
 */
public final class ArgumentPaths {
    /** No raw bytes known: every argument is taken as Java decoded it (tests, embedding, other systems). */
    public static final ArgumentPaths NONE = new ArgumentPaths(Map.of());

    private static final Path CMDLINE = Path.of("/proc/self/cmdline");

    /** Argument (as Java decoded it) → its bytes, for the arguments that did not decode cleanly. */
    private final Map<String, byte[]> raw;

    private ArgumentPaths(Map<String, byte[]> raw) {
        this.raw = raw;
    }

    /**
     * For the arguments {@code args} of this process's {@code main}: the bytes of those the platform charset
     * could not decode, from {@code /proc/self/cmdline}. {@link #NONE} where that file is missing or does not
     * end with these arguments (an {@code @argfile}, say): then nothing is guessed.
     */
    public static ArgumentPaths ofProcess(String[] args) {
        try {
            return of(args, Files.readAllBytes(CMDLINE), platformCharset());
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** The same from a given {@code cmdline} (NUL-terminated arguments) decoded with {@code charset}. */
    static ArgumentPaths of(String[] args, byte[] cmdline, Charset charset) {
        List<byte[]> all = split(cmdline);
        if (all.size() < args.length) {
            return NONE;
        }
        List<byte[]> mine = all.subList(all.size() - args.length, all.size());
        Map<String, byte[]> found = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            byte[] bytes = mine.get(i);
            if (!new String(bytes, charset).equals(args[i])) {
                return NONE; // not our arguments after all
            }
            if (roundTrips(args[i], bytes, charset)) {
                continue;
            }
            byte[] before = found.put(args[i], bytes);
            if (before != null && !Arrays.equals(before, bytes)) {
                ambiguous.add(args[i]); // two names that decode alike: do not pick one
            }
        }
        ambiguous.forEach(found::remove);
        return found.isEmpty() ? NONE : new ArgumentPaths(Map.copyOf(found));
    }

    /**
     * The path {@code argument} names: from its bytes when Java could not decode it.
     *
     * @throws java.nio.file.InvalidPathException when the name cannot be represented (no raw bytes known and
     *                                            the platform charset cannot encode it)
     */
    public Path path(String argument) {
        byte[] bytes = raw.get(argument);
        if (bytes == null) {
            return Path.of(argument);
        }
        String base = bytes.length > 0 && bytes[0] == '/' ? "file://" : cwdUri();
        return Path.of(URI.create(base + percentEncoded(bytes)));
    }

    /** {@code argument} as reports show it: the argument, or its bytes with every undecodable one as {@code \xNN}. */
    public String shown(String argument) {
        byte[] bytes = raw.get(argument);
        return bytes == null ? argument : showBytes(bytes);
    }

    /** Valid UTF-8 decoded, every byte of a malformed sequence as {@code \xNN}. */
    static String showBytes(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 4 + 4);
        while (true) {
            CoderResult r = d.decode(in, out, true);
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) {
                    out.put(String.format("\\x%02x", in.get() & 0xFF));
                }
            } else {
                break;
            }
        }
        d.flush(out);
        return out.flip().toString();
    }

    private static boolean roundTrips(String arg, byte[] bytes, Charset charset) {
        try {
            ByteBuffer b = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(arg));
            byte[] back = new byte[b.remaining()];
            b.get(back);
            return Arrays.equals(back, bytes);
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static List<byte[]> split(byte[] cmdline) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                out.add(Arrays.copyOfRange(cmdline, start, i));
                start = i + 1;
            }
        }
        if (start < cmdline.length) {
            out.add(Arrays.copyOfRange(cmdline, start, cmdline.length));
        }
        return out;
    }

    /** The working directory as a {@code file:} URI ending in {@code /}, from its own bytes. */
    private static String cwdUri() {
        String u = Path.of("").toAbsolutePath().toUri().toString();
        return u.endsWith("/") ? u : u + "/";
    }

    private static String percentEncoded(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    private static Charset platformCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding"));
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }
}
