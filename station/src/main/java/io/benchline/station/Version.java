package io.benchline.station;

/** The software version recorded with every run. */
public final class Version {
    private Version() {
    }

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-dev";
    }
}
