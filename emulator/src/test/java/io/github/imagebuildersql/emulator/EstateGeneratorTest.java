package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstateGeneratorTest {

    @Test
    void theSameSpecGivesTheSameEstate() {
        String spec = "accounts=3,regions=2,pipelines=20,workflows=4,seed=42";
        assertEquals(pipelines(EstateGenerator.generate(spec)), pipelines(EstateGenerator.generate(spec)));
        assertNotEquals(pipelines(EstateGenerator.generate(spec)),
                pipelines(EstateGenerator.generate(spec.replace("seed=42", "seed=43"))));
    }

    @Test
    void theEstateHasTheRequestedShape() {
        Fixture f = EstateGenerator.generate("accounts=3,regions=2,pipelines=20,workflows=4");
        assertEquals(3, f.accounts().size());
        for (Fixture.Account a : f.accounts().values()) {
            assertEquals(List.of("us-east-1", "us-west-2"), List.copyOf(a.regions().keySet()));
            a.regions().forEach((region, r) -> {
                assertEquals(20, r.imagePipelines().size());
                assertEquals(4, r.workflows().stream().filter(w -> w.get("owner").asText().equals(a.id())).count());
                r.imagePipelines().forEach(p -> assertTrue(p.get("arn").asText()
                        .startsWith("arn:aws:imagebuilder:" + region + ":" + a.id() + ":image-pipeline/")));
            });
        }
    }

    @Test
    void theDataIsAsAwkwardAsRealData() {
        List<ObjectNode> all = pipelines(EstateGenerator.generate("accounts=2,regions=1,pipelines=40,workflows=2"));
        assertTrue(all.stream().anyMatch(p -> p.get("dateCreated").asText().endsWith("Z")));
        assertTrue(all.stream().anyMatch(p -> p.get("dateCreated").asText().endsWith("+00:00")));
        assertTrue(all.stream().anyMatch(p -> p.path("description").asText().contains("\n")));
        assertTrue(all.stream().anyMatch(p -> p.path("description").asText().contains("\"")));
        assertTrue(all.stream().anyMatch(p -> p.path("description").asText().chars().anyMatch(c -> c > 127)));
        assertTrue(all.stream().anyMatch(p -> !p.has("description")));
        assertTrue(all.stream().anyMatch(p -> !p.has("schedule")));
        assertTrue(all.stream().anyMatch(p -> p.get("tags").has("cost center")));
        assertTrue(all.stream().anyMatch(p -> !p.get("tags").has("team")));
    }

    @Test
    void aBadSpecSaysWhatIsWrong() {
        var e = assertThrows(IllegalArgumentException.class, () -> EstateGenerator.parseSpec("accounts=2,regions=x"));
        assertTrue(e.getMessage().contains("regions") && e.getMessage().contains("'x'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EstateGenerator.parseSpec("accounts=2,color=red"));
        assertTrue(e.getMessage().contains("color=red"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EstateGenerator.parseSpec("accounts=2,regions=1"));
        assertTrue(e.getMessage().contains("pipelines"), e.getMessage());
    }

    private static List<ObjectNode> pipelines(Fixture f) {
        return f.accounts().values().stream().flatMap(a -> a.regions().values().stream())
                .flatMap(r -> r.imagePipelines().stream()).toList();
    }
}
