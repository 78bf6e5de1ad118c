package io.benchline.station.cli;

import io.benchline.db.Database;
import io.benchline.station.cfx.CfxLink;
import io.benchline.station.cfx.CfxSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --cfx and --cfx-config: where the station reports its runs as IPC-CFX messages (see docs/cfx.md). */
public final class CfxOption {
    @Option(
            names = "--cfx",
            paramLabel = "URL",
            description = {
                "Report each run to the line's broker as IPC-CFX 2.1 messages:",
                "amqp[s]://HOST:PORT?vhost=VHOST&exchange=EXCHANGE&handle=HANDLE (credentials from",
                "$" + CfxSettings.USER_ENV + "/$" + CfxSettings.PASSWORD_ENV + " or --cfx-config, never the URL)."
            })
    String url;

    @Option(
            names = "--cfx-config",
            paramLabel = "FILE",
            description = "CFX settings file (url, user, password, heartbeat-seconds, gzip, ...; see docs/cfx.md).")
    Path file;

    /** The settings given, or null when the station does not report to a broker. */
    CfxSettings settings() {
        if (url == null && file == null) {
            return null;
        }
        return CfxSettings.of(url, file, System.getenv());
    }

    /** Makes the database's store write the outbox when CFX is configured (call before the station opens). */
    CfxLink attach(Database database) {
        CfxSettings s = settings();
        return s == null ? CfxLink.NONE : CfxLink.attach(s, database);
    }
}
