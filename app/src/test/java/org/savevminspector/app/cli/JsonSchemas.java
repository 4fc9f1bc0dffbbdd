package org.savevminspector.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published JSON Schemas (docs/schema/, draft 2020-12) as a test oracle: every JSON document or JSON line a
 * CLI test makes goes through {@link #check} ({@link CliRun#of} calls it), so a renamed, missing or extra key,
 * or a value of the wrong kind, fails the test that produced it.
 */
final class JsonSchemas {
    static final Path DIR = repositoryRoot().resolve("docs/schema");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The schemas by their file IRIs, so that {@code common.schema.json#/$defs/…} resolves beside its user. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemas(JsonSchemas::text));
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private JsonSchemas() {
    }

    /**
     * Validates what a command printed in a JSON format against that command's schema: {@code inspect},
     * {@code repair} and {@code diff} with {@code --format json} print one document, {@code check} one document
     * ({@code json}) or one object per line ({@code jsonl}). Other runs (text, SARIF, refused usage) pass
     * through.
     *
     * @throws AssertionError naming the schema and every violation
     */
    static void check(String[] args, String out) {
        String command = command(args);
        String format = option(args, "--format");
        if (command == null || out.isBlank() || !(format.equals("json") || format.equals("jsonl"))) {
            return;
        }
        if (command.equals("repair") && List.of(args).contains("-") && out.charAt(0) != '{') {
            return; // repair -o - prints the repaired bytes; its report went to standard error
        }
        if (format.equals("jsonl")) {
            out.lines().forEach(line -> assertValid("check-line.schema.json", line));
        } else {
            assertValid(command + ".schema.json", out);
        }
    }

    /** Validates one JSON text against one schema file of docs/schema/. */
    static void assertValid(String schemaFile, String json) {
        List<Error> errors = errors(schemaFile, json);
        if (!errors.isEmpty()) {
            throw new AssertionError("not valid against docs/schema/" + schemaFile + ": " + errors + "\n" + json);
        }
    }

    static List<Error> errors(String schemaFile, String json) {
        Schema schema = LOADED.computeIfAbsent(schemaFile,
                f -> REGISTRY.getSchema(SchemaLocation.of(DIR.resolve(f).toUri().toString())));
        try {
            return schema.validate(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** The text of the schema at {@code iri}, a file of docs/schema/; {@code null} (not found) for anything else. */
    private static String text(String iri) {
        String dir = DIR.toUri().toString();
        if (!iri.startsWith(dir)) {
            return null;
        }
        try {
            return Files.readString(DIR.resolve(iri.substring(dir.length())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String schemaFile) {
        try {
            return MAPPER.readTree(DIR.resolve(schemaFile).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String command(String[] args) {
        for (String a : args) {
            if (List.of("inspect", "check", "repair", "extract", "diff").contains(a)) {
                return a;
            }
        }
        return null;
    }

    /** The value of {@code --format X} or {@code --format=X}; picocli's default, text, when absent. */
    private static String option(String[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith(name + "=")) {
                return args[i].substring(name.length() + 1);
            }
        }
        return "text";
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs/schema"))) {
                return p;
            }
        }
        throw new UncheckedIOException(new IOException("no docs/schema above " + Path.of("").toAbsolutePath()));
    }
}
