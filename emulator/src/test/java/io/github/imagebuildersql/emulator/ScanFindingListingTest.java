package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.model.ImageScanFinding;
import software.amazon.awssdk.services.imagebuilder.model.ImageScanFindingsFilter;
import software.amazon.awssdk.services.imagebuilder.model.InvalidRequestException;

/** Scan findings of account 111111111111 in us-east-1: six, three of them CRITICAL. */
class ScanFindingListingTest extends SampleEstateTest {

    @Test
    void everyFindingIsListedAsTheFixtureHoldsIt() {
        List<ImageScanFinding> all = imagebuilder.listImageScanFindingsPaginator(r -> r.maxResults(4)).stream()
                .flatMap(p -> p.findings().stream()).toList();

        assertEquals(6, all.size());
        assertEquals(2, emulator.stats().total("ListImageScanFindings"));
        ImageScanFinding first = all.get(0);
        assertEquals("111111111111", first.awsAccountId());
        assertEquals(PREFIX + "image/ci-runner-al2023/3.2.0/3", first.imageBuildVersionArn());
        assertEquals("CVE-2024-6387", first.packageVulnerabilityDetails().vulnerabilityId());
        assertEquals(8.1, first.inspectorScore());
        assertTrue(first.description().contains("“regreSSHion”"), first.description());
    }

    @Test
    void eachModeledFilterSelectsFindings() {
        assertEquals(List.of("CVE-2023-38545", "CVE-2024-3094", "CVE-2024-38063"), ids(finding("severity", "CRITICAL")));
        assertEquals(2, finding("vulnerabilityId", "CVE-2024-6387").size());
        assertEquals(List.of("CVE-2024-6387", "CVE-2023-44487"),
                ids(finding("imageBuildVersionArn", PREFIX + "image/ci-runner-al2023/3.2.0/3")));
        assertEquals(List.of("CVE-2024-38063"), ids(finding("imagePipelineArn", PREFIX + "image-pipeline/ci-runner-windows-2022")));
    }

    @Test
    void theModelAllowsOneFilterWithOneValue() {
        assertThrows(InvalidRequestException.class, () -> imagebuilder.listImageScanFindings(r -> r.filters(
                filter("severity", "CRITICAL"), filter("vulnerabilityId", "CVE-2024-3094"))));
        assertThrows(InvalidRequestException.class, () -> imagebuilder.listImageScanFindings(r -> r.filters(
                ImageScanFindingsFilter.builder().name("severity").values("CRITICAL", "HIGH").build())));
        assertThrows(InvalidRequestException.class, () -> imagebuilder.listImageScanFindings(r -> r.filters(
                filter("title", "x"))));
    }

    private static List<ImageScanFinding> finding(String name, String value) {
        return imagebuilder.listImageScanFindings(r -> r.filters(filter(name, value))).findings();
    }

    private static List<String> ids(List<ImageScanFinding> findings) {
        return findings.stream().map(f -> f.packageVulnerabilityDetails().vulnerabilityId()).toList();
    }

    private static ImageScanFindingsFilter filter(String name, String value) {
        return ImageScanFindingsFilter.builder().name(name).values(value).build();
    }
}
