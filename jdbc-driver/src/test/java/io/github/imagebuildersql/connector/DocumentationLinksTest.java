package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README and the pages of docs/ link to files that exist and to headings those files have. */
class DocumentationLinksTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path README = ROOT.resolve("README.md");
    static final Path DOCS = ROOT.resolve("docs");

    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README));
        try (Stream<Path> docs = Files.list(DOCS)) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void everyRelativeLinkPointsAtAFileAndEveryAnchorAtAHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages()) {
            for (Markdown.Link link : Markdown.links(read(page))) {
                String target = link.target();
                if (target.matches("(?i)(https?|mailto):.*")) {
                    continue;
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                String where = ROOT.relativize(page) + ": [" + link.text() + "](" + target + ")";
                if (!linked.startsWith(ROOT) || !Files.exists(linked)) {
                    broken.add(where + ": no file " + linked);
                } else if (hash >= 0) {
                    String anchor = target.substring(hash + 1);
                    Set<String> anchors = linked.toString().endsWith(".md") ? Markdown.anchors(read(linked)) : Set.of();
                    if (!anchors.contains(anchor)) {
                        broken.add(where + ": no heading #" + anchor + " in " + ROOT.relativize(linked) + " " + anchors);
                    }
                }
            }
        }
        assertEquals(List.of(), broken, "broken links");
        assertFalse(checked == 0, "no relative links found: the pages were not read");
    }

    @Test
    void everyPageOfDocsIsLinkedFromTheReadme() throws IOException {
        Set<Path> linked = new TreeSet<>();
        for (Markdown.Link link : Markdown.links(read(README))) {
            String file = link.target().replaceFirst("#.*", "");
            if (!file.isEmpty() && !file.contains(":")) {
                linked.add(ROOT.resolve(file).normalize());
            }
        }
        Set<Path> unlinked = new TreeSet<>(pages().subList(1, pages().size()));
        unlinked.removeAll(linked);
        assertEquals(Set.of(), unlinked, "pages of docs/ a reader of the README cannot find");
    }

    @Test
    void anchorsAreGitHubs() {
        assertEquals("start-up-and-plans", Markdown.anchor("Start-up and plans"));
        assertEquals("awsimagebuilder_image_pipeline", Markdown.anchor("`aws.imagebuilder_image_pipeline`"));
        assertEquals("read-only-and-no-secret-in-any-output", Markdown.anchor("Read-only, and no secret in any output"));
        assertEquals("the-emulator", Markdown.anchor("The [emulator](docs/emulator.md)"));
        assertEquals(Set.of("a", "a-1", "b"), Markdown.anchors("# A\n```\n# not a heading\n```\n## A\n### b ##\n"));
    }

    static String read(Path page) throws IOException {
        return Files.readString(page, StandardCharsets.UTF_8);
    }
}
