package org.savevminspector.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Every diagnostic text of the parser, in one place: the resource {@code catalogue.properties} beside this class
 * holds, by code and variant, a message template and an explanation (in the spirit of Wireshark's expert infos,
 * registered once and raised by id). A raise site names the entry and passes typed arguments
 * ({@link Offset}s, numbers, idstrs, nested {@link Wording}s); the texts are worded when read, by the
 * {@link Coordinates} the diagnostic has then. Keys are {@code CODE.variant.message} and
 * {@code CODE.variant.explanation} (an entry without an explanation has none).
 */
public final class Catalogue {
    private static final String RESOURCE = "catalogue.properties";
    private static final Map<DiagnosticCode, Map<String, Entry>> ENTRIES = load();

    private Catalogue() {
    }

    /** One registered kind of diagnostic: its code, its variant and its two templates. */
    public record Entry(DiagnosticCode code, String variant, String message, String explanation) {
        /** The message with {@code args}. */
        public Wording message(Object... args) {
            return new Wording(message, args);
        }

        /** The explanation with {@code args}. */
        public Wording explanation(Object... args) {
            return new Wording(explanation, args);
        }

        /** Both texts with {@code args}, worded when read. */
        public Diagnostic.Text text(Object... args) {
            Wording m = message(args);
            Wording e = explanation(args);
            return new Diagnostic.Text() {
                @Override
                public String message(Coordinates at) {
                    return m.read(at);
                }

                @Override
                public String explanation(Coordinates at) {
                    return e.read(at);
                }
            };
        }
    }

    /**
     * The entry of {@code code} and {@code variant}.
     *
     * @throws IllegalArgumentException when none is registered (a raise site and the catalogue disagree)
     */
    public static Entry entry(DiagnosticCode code, String variant) {
        Entry e = ENTRIES.getOrDefault(code, Map.of()).get(variant);
        if (e == null) {
            throw new IllegalArgumentException("no catalogue entry " + code + "." + variant);
        }
        return e;
    }

    /** Every entry, by code, then variant in the order of the resource. */
    public static Map<DiagnosticCode, Map<String, Entry>> entries() {
        return Collections.unmodifiableMap(ENTRIES);
    }

    private static Map<DiagnosticCode, Map<String, Entry>> load() {
        Properties p = new Properties() {
            // keeps the resource's order, so that entries() lists them as written
            private final Map<Object, Object> order = new LinkedHashMap<>();

            @Override
            public synchronized Object put(Object key, Object value) {
                order.put(key, value);
                return super.put(key, value);
            }

            @Override
            public Object clone() {
                throw new UnsupportedOperationException();
            }

            @Override
            public synchronized java.util.Set<Map.Entry<Object, Object>> entrySet() {
                return order.entrySet();
            }
        };
        try (InputStream in = Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<DiagnosticCode, Map<String, Entry>> out = new EnumMap<>(DiagnosticCode.class);
        for (Map.Entry<Object, Object> kv : p.entrySet()) {
            String key = (String) kv.getKey();
            if (!key.endsWith(".message")) {
                continue;
            }
            String id = key.substring(0, key.length() - ".message".length());
            int dot = id.indexOf('.');
            if (dot < 0) {
                throw new IllegalStateException(RESOURCE + ": key " + key + " names no variant");
            }
            DiagnosticCode code = DiagnosticCode.valueOf(id.substring(0, dot));
            String variant = id.substring(dot + 1);
            out.computeIfAbsent(code, c -> new LinkedHashMap<>()).put(variant,
                    new Entry(code, variant, (String) kv.getValue(), p.getProperty(id + ".explanation", "")));
        }
        return out;
    }
}
