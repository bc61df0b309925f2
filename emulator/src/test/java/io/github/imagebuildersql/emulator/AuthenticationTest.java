package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.ImagebuilderException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** Signatures, keys and temporary credentials, on the sample estate (base account 111111111111). */
class AuthenticationTest {
    static final String ROLE = "ImageBuilderInventoryRole";
    Emulator emulator;
    Sdk base;

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.start(Fixture.sampleEstate());
        base = Sdk.of(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void callerIdentityIsTheBaseAccount() {
        try (StsClient sts = base.sts()) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            assertEquals("111111111111", me.account());
            assertEquals("arn:aws:iam::111111111111:user/emulator", me.arn());
        }
    }

    @Test
    void aWrongSecretIsAnInvalidSignatureAndReturnsNoData() {
        Sdk wrong = Sdk.of(emulator, emulator.fixture().credentials().accessKeyId(), "not-the-secret");
        try (ImagebuilderClient ib = wrong.imagebuilder("us-east-1"); StsClient sts = wrong.sts()) {
            var e = assertThrows(ImagebuilderException.class, () -> ib.listImagePipelines(r -> { }));
            assertEquals("InvalidSignatureException", e.awsErrorDetails().errorCode());
            assertEquals(403, e.statusCode());
            var s = assertThrows(StsException.class, sts::getCallerIdentity);
            assertEquals("SignatureDoesNotMatch", s.awsErrorDetails().errorCode());
        }
    }

    @Test
    void anUnknownAccessKeyIsUnrecognized() {
        Sdk stranger = Sdk.of(emulator, "AKIAUNKNOWNKEY000000", "whatever");
        try (ImagebuilderClient ib = stranger.imagebuilder("us-east-1"); StsClient sts = stranger.sts()) {
            var e = assertThrows(ImagebuilderException.class, () -> ib.listImagePipelines(r -> { }));
            assertEquals("UnrecognizedClientException", e.awsErrorDetails().errorCode());
            var s = assertThrows(StsException.class, sts::getCallerIdentity);
            assertEquals("InvalidClientTokenId", s.awsErrorDetails().errorCode());
        }
    }

    @Test
    void assumedRoleCallsLandInTheRolesAccount() {
        Credentials creds = assumeRole("222222222222", 3600);
        Sdk role = Sdk.of(emulator, creds);
        emulator.stats().reset();
        try (ImagebuilderClient ib = role.imagebuilder("eu-west-1"); StsClient sts = role.sts()) {
            assertEquals("222222222222", sts.getCallerIdentity().account());
            assertEquals("arn:aws:sts::222222222222:assumed-role/" + ROLE + "/test-session",
                    sts.getCallerIdentity().arn());
            var names = ib.listImagePipelines(r -> { }).imagePipelineList().stream().map(p -> p.name()).toList();
            assertEquals(java.util.List.of("payments-api-al2023", "settlement-batch"), names);
        }
        assertEquals(1, emulator.stats().inPartition("222222222222", "eu-west-1", "ListImagePipelines"));
        assertEquals(0, emulator.stats().inPartition("111111111111", "eu-west-1", "ListImagePipelines"));
    }

    @Test
    void assumedCredentialsExpireAfterTheRequestedDuration() {
        Instant before = Instant.now();
        Credentials creds = assumeRole("222222222222", 900);
        long seconds = Duration.between(before, creds.expiration()).getSeconds();
        assertTrue(seconds >= 898 && seconds <= 900, "expiry " + seconds + " s from now");
        assertTrue(creds.accessKeyId().startsWith("ASIA"));
    }

    @Test
    void expiredTemporaryCredentialsAreRefused() {
        Credentials creds = assumeRole("222222222222", 900);
        emulator.advanceClock(Duration.ofMinutes(16));
        try (ImagebuilderClient ib = Sdk.of(emulator, creds).imagebuilder("us-east-1");
                StsClient sts = Sdk.of(emulator, creds).sts()) {
            var e = assertThrows(ImagebuilderException.class, () -> ib.listImagePipelines(r -> { }));
            assertEquals("ExpiredTokenException", e.awsErrorDetails().errorCode());
            assertEquals(403, e.statusCode());
            var s = assertThrows(StsException.class, sts::getCallerIdentity);
            assertEquals("ExpiredToken", s.awsErrorDetails().errorCode());
        }
    }

    @Test
    void aTemporaryKeyWithAnotherSessionTokenIsRefused() {
        Credentials creds = assumeRole("222222222222", 900);
        Credentials forged = creds.toBuilder().sessionToken("Zm9yZ2Vk").build();
        try (ImagebuilderClient ib = Sdk.of(emulator, forged).imagebuilder("us-east-1")) {
            var e = assertThrows(ImagebuilderException.class, () -> ib.listImagePipelines(r -> { }));
            assertEquals("UnrecognizedClientException", e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void assumeRoleIsDeniedOutsideTheFixture() {
        try (StsClient sts = base.sts()) {
            for (String roleArn : new String[] {
                "arn:aws:iam::999999999999:role/" + ROLE,       // an account not in the fixture
                "arn:aws:iam::222222222222:role/AdminRole",      // a role the account does not allow
                "arn:aws:iam::444444444444:role/" + ROLE}) {     // a suspended account
                var e = assertThrows(StsException.class,
                        () -> sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("test-session")));
                assertEquals("AccessDenied", e.awsErrorDetails().errorCode(), roleArn);
                assertEquals(403, e.statusCode());
                assertTrue(e.getMessage().contains(roleArn));
            }
            var e = assertThrows(StsException.class, () -> sts.assumeRole(r -> r.roleArn("not-an-arn")
                    .roleSessionName("s1")));
            assertEquals("ValidationError", e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void unsignedRequestsAreRefused() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(emulator.endpoint().resolve("/ListImagePipelines"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode());
        assertEquals("MissingAuthenticationTokenException", response.headers().firstValue("x-amzn-ErrorType").orElse(""));
        assertFalse(response.body().contains("imagePipelineList"));
    }

    private Credentials assumeRole(String account, int seconds) {
        try (StsClient sts = base.sts()) {
            return sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/" + ROLE)
                    .roleSessionName("test-session").durationSeconds(seconds)).credentials();
        }
    }
}
