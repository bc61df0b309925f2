package io.github.imagebuildersql.trino;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What the build leaves to copy into a server: the plugin's jars, the AWS SDK's, and nothing of Calcite or Trino. */
class PluginDirectoryIT {
    private final Path directory = Path.of(System.getProperty("imagebuilder.plugin.directory"));

    @Test
    void holdsThePluginAndTheAwsSdkButNotCalciteNorWhatTrinoShares() throws Exception {
        List<String> jars = jars();
        assertThat(jars).anyMatch(j -> j.startsWith("imagebuilder-trino-"))
                .anyMatch(j -> j.startsWith("imagebuilder-2.40.2"))
                .anyMatch(j -> j.startsWith("sts-"))
                .anyMatch(j -> j.startsWith("slf4j-jdk14-"));
        assertThat(jars).noneMatch(j -> j.matches("(calcite|avatica|linq4j|janino|commons-compiler|sqlline).*"))
                .noneMatch(j -> j.matches("(trino-spi|jackson-annotations|slice|jol-core|opentelemetry-).*"));
    }

    @Test
    void zipHoldsTheSameJarsUnderTheDirectorysName() throws Exception {
        Path zip = directory.resolveSibling(directory.getFileName() + ".zip");
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().filter(e -> !e.isDirectory()).map(e -> e.getName()).toList())
                    .containsExactlyInAnyOrderElementsOf(jars().stream()
                            .map(j -> directory.getFileName() + "/" + j).toList());
        }
    }

    private List<String> jars() throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
