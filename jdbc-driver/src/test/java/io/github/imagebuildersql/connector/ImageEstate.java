package io.github.imagebuildersql.connector;

import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A small estate for the image, recipe, component, configuration, lifecycle and finding tables
 * ({@code image-estate.json}): two accounts, two regions, cross-referenced, with quotes, Unicode, absent
 * members, empty lists, an Amazon-owned component and epoch-second timestamps.
 */
final class ImageEstate {
    static final String A = "111111111111";
    static final String B = "222222222222";
    static final String E = "us-east-1";
    static final String W = "eu-west-1";
    static final String WEB_PIPELINE = arn(E, A, "image-pipeline/web");
    static final String EU_PIPELINE = arn(W, A, "image-pipeline/web-eu");
    static final String WEB_1 = arn(E, A, "image/web/1.0.0/1");
    static final String WEB_2 = arn(E, A, "image/web/1.0.0/2");
    static final String MANUAL = arn(E, A, "image/manual/1.0.0/1");
    static final String SVC = arn(E, A, "image/svc/2.0.0/1");
    static final String EU_IMAGE = arn(W, A, "image/web-eu/1.0.0/1");
    static final String WEB_RECIPE = arn(E, A, "image-recipe/web/1.0.0");
    static final String EMPTY_RECIPE = arn(E, A, "image-recipe/empty/1.0.0");
    static final String SVC_RECIPE = arn(E, A, "container-recipe/svc/2.0.0");
    static final String HARDENING_1 = arn(E, A, "component/hardening/1.0.0/1");

    private ImageEstate() {}

    static String arn(String region, String account, String resource) {
        return "arn:aws:imagebuilder:" + region + ":" + account + ":" + resource;
    }

    static Fixture fixture() {
        try (InputStream in = ImageEstate.class.getResourceAsStream("image-estate.json")) {
            return Fixture.parse(in, "image-estate.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Both accounts (entered with a role) and both regions. */
    static String[] connection() {
        return new String[] {"accounts=" + A + "," + B, "roleName=Reader", "regions=" + E + "," + W};
    }

    /** The account x region partitions of {@link #connection()}: one listing each in a full scan. */
    static final int PARTITIONS = List.of(A, B).size() * List.of(E, W).size();
}
