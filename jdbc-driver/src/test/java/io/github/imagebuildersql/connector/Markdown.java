package io.github.imagebuildersql.connector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What GitHub makes of our Markdown: the links a page holds and the anchors its headings get. */
final class Markdown {
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```[ \\t]*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?s:.+?)\\1");
    private static final Pattern LINK = Pattern.compile("\\[((?:[^\\[\\]]|\\[[^\\]]*\\])*)\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}[ \\t]+(.+?)[ \\t#]*$");

    /** A link as written: its text and its target (a path, a #anchor, both, or a URL). */
    record Link(String text, String target) {}

    private Markdown() {}

    /** Every inline link outside code (fenced blocks and code spans), in order. */
    static List<Link> links(String markdown) {
        String prose = CODE_SPAN.matcher(FENCE.matcher(markdown).replaceAll("")).replaceAll("code");
        List<Link> links = new ArrayList<>();
        Matcher m = LINK.matcher(prose);
        while (m.find()) {
            links.add(new Link(m.group(1), m.group(2)));
        }
        return links;
    }

    /** The anchors of the page's headings, as GitHub numbers repeated ones: a, a-1, a-2. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher m = HEADING.matcher(FENCE.matcher(markdown).replaceAll(""));
        while (m.find()) {
            String anchor = anchor(m.group(1));
            int n = seen.merge(anchor, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? anchor : anchor + "-" + n);
        }
        return anchors;
    }

    /**
     * GitHub's anchor of a heading: its text (a link's text, not its target), lower case, without punctuation
     * other than hyphens and underscores, each space a hyphen.
     */
    static String anchor(String heading) {
        String text = LINK.matcher(heading).replaceAll("$1").toLowerCase(Locale.ROOT);
        StringBuilder anchor = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == ' ') {
                anchor.append('-');
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                anchor.appendCodePoint(c);
            }
        });
        return anchor.toString();
    }
}
