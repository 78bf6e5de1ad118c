package io.benchline.station.cli;

import picocli.CommandLine.IVersionProvider;

/** The software version recorded with every run. */
public final class Version implements IVersionProvider {
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"benchline " + current()};
    }
}
