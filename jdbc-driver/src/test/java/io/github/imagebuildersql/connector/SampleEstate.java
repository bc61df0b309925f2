package io.github.imagebuildersql.connector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The bundled sample estate, scanned as the demo scans it (its three ACTIVE accounts in its three regions), and
 * what the tests of the tables compute from it.
 */
final class SampleEstate {
    static final Fixture FIXTURE = Fixture.sampleEstate();
    static final List<String> ACCOUNTS = List.of("111111111111", "222222222222", "333333333333");
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");
    /** The service's page: maxResults is 25 when absent. */
    static final int PAGE = 25;

    private SampleEstate() {}

    /** A connection to every account and region, each account's role already assumed. */
    static Connection connect(EmulatedAws aws) throws SQLException {
        Connection c = aws.connect("accounts=" + String.join(",", ACCOUNTS), "roleName=ImageBuilderInventoryRole",
                "regions=" + String.join(",", REGIONS));
        EmulatedAws.query(c, "select count(*) from imagebuilder_lifecycle_policy");
        aws.stats().reset();
        return c;
    }

    /** Runs {@code each} for every scanned partition's fixture data. */
    static void forEachPartition(BiConsumer<String, Fixture.Region> each) {
        for (String account : ACCOUNTS) {
            for (String region : REGIONS) {
                each.accept(account, FIXTURE.account(account).region(region));
            }
        }
    }

    /** A listing of n items: at least one page, even an empty one. */
    static long pages(long n) {
        return Math.max(1, (n + PAGE - 1) / PAGE);
    }

    /** The account's own objects among those it sees (Amazon's are not its inventory). */
    static List<ObjectNode> own(String account, List<ObjectNode> seen) {
        return seen.stream().filter(o -> o.get("arn").asText().split(":")[4].equals(account)).toList();
    }

    /** The account's own image build versions in a region. */
    static List<String> ownImages(String account, Fixture.Region data) {
        return own(account, data.images()).stream().map(i -> i.get("arn").asText()).toList();
    }

    /** Amazon's, among what an account sees: owned by Amazon, or in Amazon's ARNs (account aws). */
    static List<ObjectNode> amazons(List<ObjectNode> seen) {
        return seen.stream().filter(o -> o.path("owner").asText("").equals("Amazon")
                || o.get("arn").asText().split(":")[4].equals("aws")).toList();
    }

    static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }
}
