package io.benchline.db;

import java.util.Locale;
import java.util.regex.Pattern;

/** What Benchline needs to know about a line's central database URL (jdbc:postgresql://host[:port]/db?...). */
public final class CentralUrl {
    private static final Pattern PASSWORD = Pattern.compile("(?i)([?&;]password=)[^;&]*");

    private CentralUrl() {}

    public static boolean isPostgres(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    /** A password in the URL: on a command line every user of the machine can read it in the process list. */
    public static boolean hasPassword(String url) {
        return PASSWORD.matcher(url).find();
    }

    public static String redact(String url) {
        return PASSWORD.matcher(url).replaceAll("$1***");
    }

    /** Whether the URL already sets a pgjdbc connection property (then Benchline's default does not apply). */
    static boolean sets(String url, String property) {
        return Pattern.compile("(?i)[?&]" + Pattern.quote(property) + "=")
                .matcher(url)
                .find();
    }
}
