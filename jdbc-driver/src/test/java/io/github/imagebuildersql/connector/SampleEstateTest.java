package io.github.imagebuildersql.connector;

import java.sql.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test class of the tables against the sample estate: one emulator of it and one connection to every account and
 * region for the class (SampleEstate.connect), the emulator's statistics reset before each test, so that each test
 * counts its own calls.
 */
abstract class SampleEstateTest {
    static EmulatedAws aws;
    static Connection c;

    @BeforeAll
    static void start() throws Exception {
        aws = EmulatedAws.start(SampleEstate.FIXTURE);
        c = SampleEstate.connect(aws);
    }

    @AfterAll
    static void stop() throws Exception {
        c.close();
        aws.close();
    }

    @BeforeEach
    void reset() {
        aws.stats().reset();
    }
}
