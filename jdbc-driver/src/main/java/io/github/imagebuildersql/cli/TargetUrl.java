package io.github.imagebuildersql.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sync's {@code --to}: a PostgreSQL JDBC URL whose password (in the URL, or PGPASSWORD so that it stays
 * out of crontabs and process lists) must never reach a message or a log.
 */
final class TargetUrl {
    private static final Pattern PASSWORD_PARAM = Pattern.compile("([?&;]password=)([^&;]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@]*:)([^/@]*)(@)");

    private final String url;
    private final String password;

    private TargetUrl(String url, String password) {
        this.url = url;
        this.password = password;
    }

    static TargetUrl parse(String url, String passwordFromEnvironment) {
        String password = null;
        Matcher m = PASSWORD_PARAM.matcher(url);
        if (m.find()) {
            password = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
        } else {
            Matcher u = USER_INFO.matcher(url);
            if (u.find()) {
                password = URLDecoder.decode(u.group(2), StandardCharsets.UTF_8);
            }
        }
        TargetUrl target = new TargetUrl(url, password != null ? password : passwordFromEnvironment);
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new Failures.CliFailure(ExitCode.USAGE, "--to must be a PostgreSQL JDBC URL "
                    + "(jdbc:postgresql://HOST[:PORT]/DATABASE?user=NAME), got '" + target.redacted() + "'");
        }
        return target;
    }

    Connection connect() throws SQLException {
        Properties info = new Properties();
        info.setProperty("ApplicationName", "imagebuilder-sql sync");
        if (password != null && !PASSWORD_PARAM.matcher(url).find() && !USER_INFO.matcher(url).find()) {
            info.setProperty("password", password);
        }
        try {
            return DriverManager.getConnection(url, info);
        } catch (SQLException e) {
            throw new Failures.CliFailure(ExitCode.USAGE, "--to " + redacted() + ": cannot connect: " + scrub(e.getMessage()));
        }
    }

    String redacted() {
        String r = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(r).replaceAll("$1***$3");
    }

    /** The text with the password, if it appears, masked. */
    String scrub(String text) {
        if (text == null || password == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, "***");
    }

    /** Whether the password appears anywhere in this failure's messages. */
    boolean leaksIn(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            String text = String.valueOf(e.getMessage()) + e;
            if (password != null && !password.isEmpty() && text.contains(password)) {
                return true;
            }
        }
        return false;
    }
}
