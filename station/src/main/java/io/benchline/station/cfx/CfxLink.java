package io.benchline.station.cfx;

import io.benchline.db.Database;
import java.time.Clock;

/**
 * A station's link to the line's CFX broker, from the moment its database opens until it closes:
 * {@link #attach} makes the store write CFX messages into the outbox (before the station opens,
 * so runs a crash cut off are reported as they are closed), {@link #start} starts the publisher
 * (after the station opened: the publisher's own connection would otherwise keep the H2 file's
 * crash recovery from running), {@link #close} stops it within the drain bound.
 */
public final class CfxLink implements AutoCloseable {
    /** No broker configured: nothing written, nothing sent. */
    public static final CfxLink NONE = new CfxLink(null, null);

    /** The link this process started, for the operator screen (one station per process); null when none. */
    private static volatile CfxSettings started;

    private final CfxPublisher publisher;
    private final CfxSettings settings;

    private CfxLink(CfxPublisher publisher, CfxSettings settings) {
        this.publisher = publisher;
        this.settings = settings;
    }

    public static CfxLink attach(CfxSettings settings, Database database) {
        CfxMessages messages = new CfxMessages(settings);
        messages.recall(database.cfxOutbox().named(settings.handle(), CfxMessages.faultMessageNames()));
        CfxPublisher publisher = new CfxPublisher(settings, database.cfxOutbox(), messages, Clock.systemUTC());
        database.store().attachOutbox(messages, publisher::wake);
        return new CfxLink(publisher, settings);
    }

    public void start() {
        if (publisher != null) {
            publisher.start();
            started = settings;
        }
    }

    /** The settings of the link this process publishes through, or null when it publishes nothing. */
    public static CfxSettings startedSettings() {
        return started;
    }

    public boolean active() {
        return publisher != null;
    }

    @Override
    public void close() {
        if (publisher != null) {
            started = null;
            publisher.close();
        }
    }
}
