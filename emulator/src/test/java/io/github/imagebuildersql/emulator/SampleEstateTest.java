package io.github.imagebuildersql.emulator;

import io.github.imagebuildersql.emulator.fixture.Fixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;

/** Tests that read the bundled sample estate as its base account, 111111111111, in us-east-1. */
abstract class SampleEstateTest {
    static final String PREFIX = "arn:aws:imagebuilder:us-east-1:111111111111:";
    static Emulator emulator;
    static ImagebuilderClient imagebuilder;

    @BeforeAll
    static void startSampleEstate() throws Exception {
        emulator = Emulator.start(Fixture.sampleEstate());
        imagebuilder = Sdk.of(emulator).imagebuilder("us-east-1");
    }

    @AfterAll
    static void stopSampleEstate() {
        imagebuilder.close();
        emulator.close();
    }

    /** The version ARN of a build version ARN: {@code …/1.2.3} of {@code …/1.2.3/4}. */
    static String versionOf(String buildArn) {
        return buildArn.substring(0, buildArn.lastIndexOf('/'));
    }

    @BeforeEach
    void resetStats() {
        emulator.stats().reset();
    }
}
