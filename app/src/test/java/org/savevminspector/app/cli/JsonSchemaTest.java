package org.savevminspector.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savevminspector.container.ContainerKind;
import org.savevminspector.diagnostics.DiagnosticCode;
import org.savevminspector.diagnostics.Severity;
import org.savevminspector.fixtures.Fixtures;
import org.savevminspector.loader.LoadOutcome;
import org.savevminspector.loader.LoaderProfile;
import org.savevminspector.loader.LoaderProfiles;
import org.savevminspector.loader.LoaderVerdict;
import org.savevminspector.model.FieldType;

/**
 * The schemas of docs/schema/ themselves: draft 2020-12, their vocabularies the code's own enums, and strict
 * enough that a renamed, missing or extra key fails (what {@link JsonSchemas} relies on in every CLI test).
 */
class JsonSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everySchemaIsDraft202012() throws IOException {
        List<String> files = new ArrayList<>();
        try (var list = Files.list(JsonSchemas.DIR)) {
            list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json")).sorted()
                    .forEach(files::add);
        }
        assertEquals(List.of("check-line.schema.json", "check.schema.json", "common.schema.json", "diff.schema.json",
                "inspect.schema.json", "repair.schema.json"), files);
        for (String f : files) {
            assertEquals("https://json-schema.org/draft/2020-12/schema", JsonSchemas.read(f).get("$schema").textValue(), f);
        }
    }

    @Test
    void theVocabulariesAreTheCodesOwn() {
        JsonNode defs = JsonSchemas.read("common.schema.json").get("$defs");
        assertEquals(names(Arrays.stream(DiagnosticCode.values()).map(Enum::name).toList()), enumOf(defs, "code"));
        assertEquals(names(Arrays.stream(Severity.values()).map(Severity::json).toList()), enumOf(defs, "severity"));
        assertEquals(names(Arrays.stream(FieldType.values()).map(FieldType::label).toList()), enumOf(defs, "fieldType"));
        assertEquals(names(Arrays.stream(ContainerKind.values()).map(ContainerKind::json).toList()),
                enumOf(defs, "containerKind"));
        assertEquals(names(Arrays.stream(LoadOutcome.values()).map(LoadOutcome::json).toList()), enumOf(defs, "outcome"));
        assertEquals(names(Arrays.stream(LoaderVerdict.values()).map(LoaderVerdict::word).toList()),
                enumOf(defs, "verdict"));
        assertEquals(names(LoaderProfiles.all().stream().map(LoaderProfile::name).toList()), enumOf(defs, "profile"));
    }

    @Test
    void aRenamedMissingOrExtraKeyFails() throws IOException {
        Path f = Files.write(dir.resolve("sample.qevm"), Fixtures.sample());
        String inspect = CliRun.of("inspect", f.toString(), "--format", "json").out();
        assertTrue(JsonSchemas.errors("inspect.schema.json", inspect).isEmpty());
        assertInvalid("inspect.schema.json", inspect, j -> rename((ObjectNode) j.at("/diagnostics/0"), "code", "kode"));
        assertInvalid("inspect.schema.json", inspect, j -> ((ObjectNode) j.at("/sections/23/fields/0")).remove("display"));
        assertInvalid("inspect.schema.json", inspect, j -> ((ObjectNode) j.at("/loader/reads/0")).put("extra", 1));
        assertInvalid("inspect.schema.json", inspect, j -> rename((ObjectNode) j.at("/summary/counts"), "info", "chat"));
        assertInvalid("inspect.schema.json", inspect, j -> ((ObjectNode) j.at("/file")).put("size", "7520"));
        assertInvalid("inspect.schema.json", inspect, j -> ((ObjectNode) j.at("/diagnostics/0")).put("code", "NO_SUCH"));

        String repair = CliRun.of("repair", f.toString(), "-o", dir.resolve("fixed.qevm").toString(), "--format",
                "json").out();
        assertTrue(JsonSchemas.errors("repair.schema.json", repair).isEmpty());
        assertInvalid("repair.schema.json", repair, j -> ((ObjectNode) j).remove("acceptedBy"));
        assertInvalid("repair.schema.json", repair, j -> ((ObjectNode) j.at("/edits/0")).put("before", "00 00"));

        String line = CliRun.of("check", f.toString(), "--format", "jsonl").out().lines().findFirst().orElseThrow();
        assertTrue(JsonSchemas.errors("check-line.schema.json", line).isEmpty());
        assertInvalid("check-line.schema.json", line, j -> ((ObjectNode) j).put("status", "FAIL"));
        assertInvalid("check-line.schema.json", line, j -> rename((ObjectNode) j, "warnings", "warns"));

        String diff = CliRun.of("diff", f.toString(), dir.resolve("fixed.qevm").toString(), "--format", "json").out();
        assertTrue(JsonSchemas.errors("diff.schema.json", diff).isEmpty());
        assertInvalid("diff.schema.json", diff, j -> rename((ObjectNode) j.at("/summary"), "onlyA", "only_a"));
        assertInvalid("diff.schema.json", diff, j -> ((ObjectNode) j.at("/sections/0/fields/0")).remove("path"));
    }

    private static void assertInvalid(String schema, String json, Consumer<JsonNode> change) throws IOException {
        JsonNode tree = MAPPER.readTree(json);
        change.accept(tree);
        assertFalse(JsonSchemas.errors(schema, MAPPER.writeValueAsString(tree)).isEmpty(), "accepted: " + tree);
    }

    private static void rename(ObjectNode o, String from, String to) {
        o.set(to, o.remove(from));
    }

    private static TreeSet<String> enumOf(JsonNode defs, String name) {
        TreeSet<String> out = new TreeSet<>();
        ((ArrayNode) defs.get(name).get("enum")).forEach(v -> out.add(v.textValue()));
        return out;
    }

    private static TreeSet<String> names(List<String> values) {
        return new TreeSet<>(values);
    }
}
