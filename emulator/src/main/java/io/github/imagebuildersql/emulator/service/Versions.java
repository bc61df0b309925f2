package io.github.imagebuildersql.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.wire.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Image Builder's versioned ARNs: {@code …:image/NAME/1.2.3/4} is build 4 of version 1.2.3. Images,
 * components and workflows are stored as builds, recipes as versions; listings of versions are derived
 * from the builds' ARNs, and a version ARN in a Get call may say {@code x} for any major, minor or patch.
 */
final class Versions {
    private static final Pattern BUILD = Pattern.compile(".*/\\d+\\.\\d+\\.\\d+/\\d+$");
    private static final Comparator<ObjectNode> BY_VERSION =
            Comparator.comparing((ObjectNode o) -> order(o.path("arn").asText()), Versions::compare);

    private Versions() {}

    static boolean isBuildArn(String arn) {
        return BUILD.matcher(arn).matches();
    }

    static String versionArn(String buildArn) {
        int slash = buildArn.lastIndexOf('/');
        return slash < 0 ? buildArn : buildArn.substring(0, slash);
    }

    /** Whether a version ARN, perhaps with {@code x} wildcards, names the given version. */
    static boolean matches(String pattern, String versionArn) {
        int p = pattern.lastIndexOf('/');
        int v = versionArn.lastIndexOf('/');
        if (p < 0 || v < 0 || !pattern.substring(0, p).equals(versionArn.substring(0, v))) {
            return false;
        }
        String[] want = pattern.substring(p + 1).split("\\.");
        String[] have = versionArn.substring(v + 1).split("\\.");
        if (want.length != 3 || have.length != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (!want[i].equals("x") && !want[i].equals(have[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The build a Get call names: the build ARN itself, whatever its state; or, as AWS documents for GetImage and
     * GetComponent, the latest available build of the (wildcard) version: failed, deprecated, disabled and
     * deleted builds do not resolve.
     */
    static Optional<ObjectNode> build(List<ObjectNode> builds, String arn) {
        if (isBuildArn(arn)) {
            return builds.stream().filter(b -> arn.equals(b.path("arn").asText())).findFirst();
        }
        return latest(builds.stream().filter(b -> matches(arn, versionArn(b.path("arn").asText())))
                .filter(Versions::available).toList());
    }

    /** Whether a build's state is DEPRECATED. */
    static boolean deprecated(ObjectNode build) {
        return "DEPRECATED".equals(build.path("state").path("status").asText());
    }

    /** An image is available when AVAILABLE; a component or workflow unless its state says otherwise. */
    private static boolean available(ObjectNode build) {
        String status = build.path("state").path("status").asText("ACTIVE");
        return status.equals("AVAILABLE") || status.equals("ACTIVE");
    }

    /** The wildcard ARNs that always name the latest of an object's name, major, minor and patch version. */
    static ObjectNode latestVersionReferences(String arn) {
        String version = isBuildArn(arn) ? versionArn(arn) : arn;
        int slash = version.lastIndexOf('/');
        String name = version.substring(0, slash + 1);
        String[] v = version.substring(slash + 1).split("\\.");
        return Json.MAPPER.createObjectNode()
                .put("latestVersionArn", name + "x.x.x")
                .put("latestMajorVersionArn", name + v[0] + ".x.x")
                .put("latestMinorVersionArn", name + v[0] + "." + v[1] + ".x")
                .put("latestPatchVersionArn", version);
    }

    /** The version a Get call names: the version ARN itself, or the latest version matching its wildcards. */
    static Optional<ObjectNode> version(List<ObjectNode> versions, String arn) {
        return latest(versions.stream().filter(v -> matches(arn, v.path("arn").asText())).toList());
    }

    static Optional<ObjectNode> latest(List<ObjectNode> objects) {
        return objects.stream().max(BY_VERSION);
    }

    /** The numbers at the end of a versioned ARN: {@code [1, 2, 3, 4]} for {@code …/1.2.3/4}. */
    private static List<Long> order(String arn) {
        String[] parts = arn.split("/");
        List<Long> order = new ArrayList<>();
        for (int i = Math.max(0, parts.length - 2); i < parts.length; i++) {
            if (parts[i].matches("\\d+(\\.\\d+)*")) {
                for (String n : parts[i].split("\\.")) {
                    order.add(Long.parseLong(n));
                }
            }
        }
        return order;
    }

    private static int compare(List<Long> a, List<Long> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Long.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /**
     * Who owns an object, as a listing's {@code owner} sees it from the caller's account: its {@code owner}
     * member when it has one, else the account in its ARN ({@code aws} being Amazon).
     */
    static String ownership(ObjectNode o, String callerAccount) {
        String owner = owner(o);
        if (owner.equals(callerAccount)) {
            return "Self";
        }
        return owner.matches("\\d{12}") ? "Shared" : owner;
    }

    /** The owner a summary reports: the owner member, else the ARN's account ({@code Amazon} for {@code aws}). */
    static String owner(ObjectNode o) {
        if (o.hasNonNull("owner")) {
            return o.get("owner").asText();
        }
        String[] arn = o.path("arn").asText().split(":", 6);
        String account = arn.length > 4 ? arn[4] : "";
        return account.equals("aws") ? "Amazon" : account;
    }

    /** Each name's latest version ARN: what a listing with {@code byName} keeps. */
    static Set<String> latestVersionPerName(List<ObjectNode> builds) {
        Map<String, ObjectNode> latest = new LinkedHashMap<>();
        builds.forEach(b -> latest.merge(b.path("name").asText(), b, (x, y) -> latest(List.of(x, y)).orElseThrow()));
        Set<String> versions = new HashSet<>();
        latest.values().forEach(b -> versions.add(versionArn(b.path("arn").asText())));
        return versions;
    }

    /** Builds grouped by their version ARN, versions in order of first appearance. */
    static Map<String, List<ObjectNode>> byVersion(List<ObjectNode> builds) {
        Map<String, List<ObjectNode>> versions = new LinkedHashMap<>();
        builds.forEach(b -> versions.computeIfAbsent(versionArn(b.path("arn").asText()), k -> new ArrayList<>()).add(b));
        return versions;
    }
}
