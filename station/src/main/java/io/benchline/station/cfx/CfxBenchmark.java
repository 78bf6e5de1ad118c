package io.benchline.station.cfx;

import io.benchline.db.Database;
import io.benchline.db.OutboxStatus;
import io.benchline.fixtures.sim.BoardProfile;
import io.benchline.fixtures.sim.SimBoard;
import io.benchline.fixtures.sim.SimFixture;
import io.benchline.station.Station;
import io.benchline.station.demo.DemoMix;
import io.benchline.station.sequence.RunListener;
import io.benchline.station.sequence.RunRequest;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.ConnectionOptions;
import org.apache.qpid.protonj2.client.Delivery;
import org.apache.qpid.protonj2.client.Receiver;
import org.apache.qpid.protonj2.client.ReceiverOptions;
import org.apache.qpid.protonj2.client.exceptions.ClientException;

/**
 * {@code benchline bench cfx}: the publisher against a real broker. (1) From a verdict to its
 * UnitsTested at a consumer subscribed to the exchange, board by board, the broker up. (2) An
 * outage: runs are tested with the publisher stopped, so their messages wait in the outbox; then
 * the publisher starts and the time until the outbox is empty is the drain time, and messages
 * over that time the rate the publisher sustains.
 */
public final class CfxBenchmark {
    private final CfxSettings settings;
    private final PrintStream out;

    public CfxBenchmark(CfxSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Station and database opened by the caller, nothing attached to its store yet. */
    public interface StationOpener {
        Station open(Database database);
    }

    public void latency(Database database, StationOpener opener, SimFixture sim, int warmup, int boards)
            throws ClientException {
        CfxLink link = CfxLink.attach(settings, database);
        try (Station station = opener.open(database);
                Client client = Client.create();
                Connection consumer = client.connect(settings.host(), settings.port(), consumerOptions());
                Receiver receiver = consumer.openReceiver(
                        "/exchange/" + settings.exchange() + "/" + settings.handle() + ".#",
                        new ReceiverOptions().creditWindow(100))) {
            receiver.openFuture().get(10, TimeUnit.SECONDS);
            link.start();
            List<BoardProfile> mix = DemoMix.profiles(warmup + boards, 11);
            long[] micros = new long[boards];
            for (int i = 0; i < warmup + boards; i++) {
                sim.insert(new SimBoard(mix.get(i), i));
                station.run(new RunRequest(serial("LAT", i), "CFX-LATENCY", "bench"), RunListener.NONE);
                long verdict = System.nanoTime();
                awaitUnitsTested(receiver);
                if (i >= warmup) {
                    micros[i - warmup] = (System.nanoTime() - verdict) / 1000;
                }
            }
            Arrays.sort(micros);
            out.printf(
                    Locale.ROOT,
                    "verdict -> UnitsTested at a consumer: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d boards, broker up, %s)%n",
                    micros[boards / 2] / 1000.0,
                    micros[Math.min(boards - 1, (int) Math.ceil(boards * 0.99) - 1)] / 1000.0,
                    micros[boards - 1] / 1000.0,
                    boards,
                    settings.gzip() ? "gzip" : "raw");
        } catch (ClientException e) {
            throw e;
        } catch (Exception e) {
            throw new ClientException(CfxPublisher.describe(e), e);
        } finally {
            link.close();
        }
    }

    public void outage(Database database, StationOpener opener, SimFixture sim, int runs) {
        CfxLink link = CfxLink.attach(settings, database);
        try (Station station = opener.open(database)) {
            List<BoardProfile> mix = DemoMix.profiles(runs, 13);
            long t0 = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                sim.insert(new SimBoard(mix.get(i), i));
                station.run(new RunRequest(serial("OUT", i), "CFX-OUTAGE", "bench"), RunListener.NONE);
            }
            double testing = (System.nanoTime() - t0) / 1e9;
            OutboxStatus before = database.cfxOutbox().status();
            out.printf(
                    Locale.ROOT,
                    "outage: %d runs tested in %.1f s (%.0f runs/s) with the publisher stopped; %d messages waiting%n",
                    runs,
                    testing,
                    runs / testing,
                    before.waiting());
            long d0 = System.nanoTime();
            link.start();
            long deadline = d0 + TimeUnit.MINUTES.toNanos(30);
            long waiting;
            while ((waiting = database.cfxOutbox().status().waiting()) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(waiting + " messages still waiting after 30 minutes");
                }
                Thread.sleep(50);
            }
            double drain = (System.nanoTime() - d0) / 1e9;
            out.printf(
                    Locale.ROOT,
                    "drain: %d messages (%d runs) sent and confirmed in %.1f s = %.0f messages/s (window %d, %s)%n",
                    before.waiting(),
                    runs,
                    drain,
                    before.waiting() / drain,
                    settings.window(),
                    settings.gzip() ? "gzip" : "raw");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            link.close();
        }
    }

    private void awaitUnitsTested(Receiver receiver) throws ClientException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Delivery d = receiver.receive(1, TimeUnit.SECONDS);
            if (d == null) {
                continue;
            }
            String subject = d.message().subject();
            if (subject != null && subject.endsWith("." + CfxMessages.UNITS_TESTED)) {
                return;
            }
        }
        throw new ClientException("no UnitsTested at the consumer within 30 s");
    }

    private ConnectionOptions consumerOptions() {
        ConnectionOptions o = new ConnectionOptions()
                .virtualHost("vhost:" + settings.vhost())
                .openTimeout(10_000)
                .requestTimeout(10_000)
                .reconnectEnabled(false)
                .sslEnabled(settings.tls());
        if (settings.user() != null) {
            o.user(settings.user()).password(settings.password());
            o.saslOptions().addAllowedMechanism("PLAIN");
        }
        return o;
    }

    private static String serial(String batch, int i) {
        return String.format(Locale.ROOT, "SN-%s-%06d", batch, i);
    }
}
