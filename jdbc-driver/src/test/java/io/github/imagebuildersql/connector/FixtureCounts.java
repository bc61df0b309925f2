package io.github.imagebuildersql.connector;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.util.List;
import java.util.function.Predicate;

/**
 * What an estate holds, counted from its fixture, so that a test's expected rows and calls follow the estate it
 * runs on instead of repeating numbers that an edit of the estate or of its generator would make wrong. Only
 * what an account owns is its inventory: an Amazon-managed or shared object in its regions is not counted.
 */
public final class FixtureCounts {
    private FixtureCounts() {}

    /** Objects of one kind ({@link Fixture#KINDS}) the chosen accounts own, in every region. */
    public static long objects(Fixture estate, String kind, Predicate<Fixture.Account> accounts) {
        return estate.accounts().values().stream().filter(accounts)
                .mapToLong(a -> a.regions().values().stream().flatMap(r -> r.objects(kind).stream())
                        .filter(o -> ownedBy(o, a)).count())
                .sum();
    }

    /** Objects of one kind one account owns, in every region. */
    public static long objects(Fixture estate, String kind, String account) {
        return objects(estate, kind, a -> a.id().equals(account));
    }

    /** Objects of one kind one account owns in one region. */
    public static long objects(Fixture estate, String kind, String account, String region) {
        Fixture.Account a = estate.account(account);
        return a.region(region).objects(kind).stream().filter(o -> ownedBy(o, a)).count();
    }

    /** Objects of one kind owned by the accounts a scan can enter: the ACTIVE ones. */
    public static long inActiveAccounts(Fixture estate, String kind) {
        return objects(estate, kind, a -> "ACTIVE".equals(a.status()));
    }

    /** Pipelines of the bundled sample estate (the demo estate) that a scan of its organisation returns. */
    public static long samplePipelines() {
        return inActiveAccounts(Fixture.sampleEstate(), Fixture.IMAGE_PIPELINES);
    }

    /** The pages that listing one kind in every ACTIVE account of the estate and each of these regions takes. */
    public static long pages(Fixture estate, String kind, List<String> regions) {
        return estate.accounts().values().stream().filter(a -> "ACTIVE".equals(a.status()))
                .mapToLong(a -> regions.stream().mapToLong(r -> pages(objects(estate, kind, a.id(), r))).sum())
                .sum();
    }

    /** The pages a listing of this many items takes: the API's largest page each, and one page when empty. */
    public static long pages(long items) {
        return Math.max(1, (items + EstateGenerator.PIPELINE_PAGE - 1) / EstateGenerator.PIPELINE_PAGE);
    }

    /**
     * The versions of one kind of build-versioned object ({@code …/NAME/VERSION/BUILD}) that match, counted in
     * each partition of every account and these regions: the ListXBuildVersions calls a full listing makes.
     */
    public static long versions(Fixture estate, String kind, List<String> regions, Predicate<ObjectNode> which) {
        return estate.accounts().values().stream()
                .mapToLong(a -> regions.stream().mapToLong(r -> a.region(r).objects(kind).stream()
                        .filter(o -> ownedBy(o, a) && which.test(o))
                        .map(o -> o.get("arn").asText().substring(0, o.get("arn").asText().lastIndexOf('/')))
                        .distinct().count()).sum())
                .sum();
    }

    /** Objects without an ARN (scan findings) belong to the account whose regions hold them. */
    private static boolean ownedBy(ObjectNode object, Fixture.Account account) {
        return !object.has("arn") || object.get("arn").asText().split(":")[4].equals(account.id());
    }
}
