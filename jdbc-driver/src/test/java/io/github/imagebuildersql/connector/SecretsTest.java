package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.emulator.auth.Identity;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Secret keys, session tokens and external IDs appear in no exception, stack trace, warning or log
 * line, on every failure path we can provoke.
 */
class SecretsTest {
    static final String SECRET_KEY = "emulator/base/secret/key/0000000000000001";
    static final String EXTERNAL_ID = "xid-Sup3rS3cr3t-7781";

    static Fixture estate() {
        String json = """
                {"credentials": {"accessKeyId": "AKIAEMULATORBASE0001", "secretAccessKey": "%s", "account": "111111111111"},
                 "accounts": {
                   "111111111111": {"regions": {"us-east-1": {"imagePipelines": []}}},
                   "222222222222": {"externalId": "%s", "roles": ["Reader"], "regions": {
                      "us-east-1": {"imagePipelines": [{"arn": "arn:aws:imagebuilder:us-east-1:222222222222:image-pipeline/a", "name": "a"}]},
                      "eu-west-1": {"error": "ForbiddenException"}}},
                   "333333333333": {"roles": ["Reader"], "regions": {}}}}""".formatted(SECRET_KEY, EXTERNAL_ID);
        return Fixture.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "secrets");
    }

    @Test
    void noFailurePathShowsASecret() throws Exception {
        List<String> seen = new ArrayList<>();
        Handler capture = capture(seen);
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.INFO); // what --verbose shows
        List<String> secrets = new ArrayList<>(List.of(SECRET_KEY, EXTERNAL_ID));
        try (EmulatedAws aws = EmulatedAws.start(estate())) {
            String both = "regions=us-east-1,eu-west-1";
            // the role, with the right external ID: a forbidden region, skipped and failed
            seen.addAll(run(aws, "accounts=222222222222", "roleName=Reader", "externalId=" + EXTERNAL_ID, both, "onError=skip"));
            seen.addAll(run(aws, "accounts=222222222222", "roleName=Reader", "externalId=" + EXTERNAL_ID, both));
            // a wrong external ID, and an account whose role refuses us
            seen.addAll(run(aws, "accounts=222222222222", "roleName=Reader", "externalId=" + EXTERNAL_ID + "-wrong", both));
            seen.addAll(run(aws, "accounts=333333333333", "roleName=Admin", "externalId=" + EXTERNAL_ID, both, "onError=skip"));
            // credentials that expire between queries
            try (Connection c = aws.connect("accounts=222222222222", "roleName=Reader", "externalId=" + EXTERNAL_ID,
                    "regions=us-east-1")) {
                EmulatedAws.query(c, "select name from imagebuilder_image_pipeline");
                aws.emulator().advanceClock(Duration.ofHours(3));
                EmulatedAws.query(c, "select name from imagebuilder_image_pipeline");
            }
            // a bad value next to the external ID, and SQL that does not parse
            seen.addAll(failure(() -> DriverManager.getConnection(aws.url("externalId=" + EXTERNAL_ID, "onError=maybe"))));
            seen.addAll(failure(() -> DriverManager.getConnection(aws.url("externalId=" + EXTERNAL_ID + " x"))));
            seen.addAll(run(aws, "accounts=222222222222", "roleName=Reader", "externalId=" + EXTERNAL_ID, "regions=us-east-1",
                    "SQL:select nme from imagebuilder_image_pipeline"));
            for (Identity issued : aws.emulator().issuedCredentials()) {
                secrets.add(issued.secretAccessKey());
                secrets.add(issued.sessionToken());
            }
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        assertTrue(seen.size() > 10, "the failure paths produced output to check: " + seen.size());
        assertTrue(secrets.size() > 4, "role sessions were issued");
        for (String text : seen) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "a secret in: " + text);
            }
        }
    }

    /** Runs a query on a new connection; returns every exception, stack trace and warning it produced. */
    private static List<String> run(EmulatedAws aws, String... properties) {
        List<String> out = new ArrayList<>();
        String sql = "select name from imagebuilder_image_pipeline";
        List<String> props = new ArrayList<>();
        for (String p : properties) {
            if (p.startsWith("SQL:")) {
                sql = p.substring(4);
            } else {
                props.add(p);
            }
        }
        try (Connection c = aws.connect(props.toArray(String[]::new)); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(sql)) {
                EmulatedAws.rows(rs);
            } finally {
                for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                    out.add(w.getMessage());
                }
            }
        } catch (Exception e) {
            out.add(stackTrace(e));
        }
        return out;
    }

    private interface Call {
        Object call() throws Exception;
    }

    private static List<String> failure(Call call) {
        try {
            call.call();
            return List.of();
        } catch (Exception e) {
            return List.of(stackTrace(e));
        }
    }

    /** Shaped as AWS's are: mixed-case base64, hundreds of characters. */
    static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEJr" + "Zm9vYmFyQmF6UXV4MTIzNDU2Nzg5MFNlc3Npb25Ub2tlbg".repeat(6)
            + "a1B2c3==";

    /**
     * AWS's text is printed and stored after credential-shaped values are taken out of it: a signature mismatch
     * quotes the request, session token included, and that reaches no message, warning, log line or stack trace.
     */
    @Test
    void credentialsAnAwsAnswerQuotesAreRedactedWhereverItsTextGoes() throws Exception {
        List<String> seen = new ArrayList<>();
        Handler capture = capture(seen);
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.INFO);
        System.setProperty("aws.sessionToken", SESSION_TOKEN);
        try (MisbehavingEndpoint aws = MisbehavingEndpoint.quotingTheSignedRequest()) {
            String url = "jdbc:imagebuilder:endpoint=" + aws.endpoint() + ";regions=us-east-1";
            try (Connection c = DriverManager.getConnection(url)) {
                seen.addAll(failure(() -> EmulatedAws.query(c, "select name from imagebuilder_image_pipeline")));
            }
            try (Connection c = DriverManager.getConnection(url + ";onError=skip"); Statement s = c.createStatement()) {
                s.executeQuery("select name from imagebuilder_image_pipeline").close();
                seen.add(s.getWarnings().getMessage());
            }
            assertTrue(aws.requests().stream().anyMatch(r -> SESSION_TOKEN.equals(r.header("X-Amz-Security-Token"))),
                    "the token was sent, and so quoted back");
        } finally {
            System.clearProperty("aws.sessionToken");
            root.removeHandler(capture);
            root.setLevel(before);
        }
        assertTrue(seen.stream().filter(t -> t.contains("InvalidSignatureException")).count() >= 3,
                "the exception, the warning and the log line: " + seen);
        assertTrue(seen.stream().anyMatch(t -> t.contains("x-amz-security-token:(redacted)")), seen.toString());
        for (String text : seen) {
            for (String secret : List.of(SESSION_TOKEN, "AKIAEMULATORBASE0001")) {
                assertFalse(text.contains(secret), "a credential in: " + text);
            }
        }
    }

    private static Handler capture(List<String> seen) {
        return new Handler() {
            @Override
            public void publish(LogRecord r) {
                seen.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                        + (r.getThrown() == null ? "" : " " + stackTrace(r.getThrown())));
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        };
    }

    static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
