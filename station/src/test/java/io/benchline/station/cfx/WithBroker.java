package io.benchline.station.cfx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A test class's own RabbitMQ node, and the station processes its tests start (killed if a test left one running). */
abstract class WithBroker {
    static RabbitBroker broker;

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        assertTrue(RabbitBroker.installed(), "Debian's rabbitmq-server is not installed (see .ci/packages)");
        broker = RabbitBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void killLeftovers() {
        started.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
    }

    /** Starts a station process with the broker's credentials in its environment. */
    Process start(ProcessBuilder pb) throws java.io.IOException {
        pb.environment().put(CfxSettings.USER_ENV, RabbitBroker.USER);
        pb.environment().put(CfxSettings.PASSWORD_ENV, RabbitBroker.PASSWORD);
        Process p = pb.start();
        started.add(p);
        return p;
    }
}
