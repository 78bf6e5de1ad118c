package io.benchline.station;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The software version recorded with every run: stamped by the build from git
 * ({@code station/src/build/VersionStamp.java}) into {@code version.properties} beside this class.
 */
public final class Version {
    /** What a build that skipped the stamp (an IDE's own compile) records: never a real version. */
    static final String UNSTAMPED = "0.0.0-unstamped";

    private static final String CURRENT = read();

    private Version() {}

    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null && !v.isBlank()) {
                    return v.trim();
                }
            }
        } catch (IOException e) {
            // unreadable: recorded as unstamped below, never as a plausible version
        }
        return UNSTAMPED;
    }
}
