package io.benchline.station.cli;

import io.benchline.fixtures.instrument.InstrumentSpec;
import io.benchline.station.InputError;
import picocli.CommandLine.Option;

/** The port and line settings of an instrument given on the command line. */
final class LinkOptions {
    @Option(
            names = "--port",
            required = true,
            paramLabel = "PORT",
            description = "Serial device (e.g. /dev/ttyUSB0) or tcp://host:port.")
    String port;

    @Option(names = "--baud", paramLabel = "B", description = "Baud rate (default: the dialect's, else 9600).")
    Integer baud;

    @Option(names = "--data-bits", paramLabel = "N", description = "Data bits, 5..8 (default 8).")
    Integer dataBits;

    @Option(names = "--parity", paramLabel = "P", description = "none, even, odd, mark, space (default none).")
    String parity;

    @Option(names = "--stop-bits", paramLabel = "N", description = "1 or 2 (default: the dialect's, else 1).")
    Integer stopBits;

    @Option(names = "--flow", paramLabel = "F", description = "none, rts-cts, dtr-dsr, xon-xoff.")
    String flow;

    @Option(
            names = "--eol",
            paramLabel = "E",
            description = "Line end sent: lf, crlf, cr or none (default lf). Replies may end in LF or CR LF.")
    String eol;

    @Option(
            names = "--timeout",
            paramLabel = "MS",
            description = "Reply timeout in ms (default: the dialect's, else 3000).")
    Integer timeoutMs;

    InstrumentSpec spec(String kind, String dialect) {
        if (timeoutMs != null && timeoutMs <= 0) {
            throw new InputError("--timeout " + timeoutMs + ": must be a positive number of milliseconds");
        }
        return new InstrumentSpec(kind, port, dialect, baud, dataBits, parity, stopBits, flow, eol, timeoutMs, null);
    }
}
