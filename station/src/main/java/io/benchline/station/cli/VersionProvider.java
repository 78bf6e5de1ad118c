package io.benchline.station.cli;

import io.benchline.station.Version;
import picocli.CommandLine.IVersionProvider;

/** What {@code --version} prints. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"benchline " + Version.current()};
    }
}
