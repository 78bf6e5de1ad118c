package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fazecast.jSerialComm.SerialPort;
import io.benchline.fixtures.qemu.QemuMachine;
import io.benchline.fixtures.uart.BootBanner;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `benchline probe flash --probe gdb://...` against a QEMU started as docs/gdb-qemu.md shows. */
@Timeout(60)
class GdbProbeCliTest {
    @TempDir
    Path dir;

    private static Path banner(String extension) {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("firmware/banner"))) {
            d = d.getParent();
        }
        return d.resolve("firmware/banner/build/f405/banner." + extension);
    }

    @Test
    void flashesVerifiesAndStartsTheBannerThroughQemusGdbstub() {
        try (QemuMachine qemu = QemuMachine.start()) {
            SerialPort uart = qemu.openUart();
            try {
                ProbeCliTest.Result r = ProbeCliTest.run(
                        "probe",
                        "flash",
                        "--probe",
                        "gdb://127.0.0.1:" + qemu.gdbPort(),
                        banner("elf").toString(),
                        "--verify");
                assertEquals(0, r.code(), r.err());
                assertTrue(r.out().contains("wrote and verified 388 bytes of banner.elf"), r.out());
                BootBanner.Result b = BootBanner.await(
                        uart, Pattern.compile("^benchline-banner 1\\.0\\.0 f405 boot$"), Duration.ofSeconds(10));
                assertTrue(b.matched(), "UART said: " + b.transcript());
            } finally {
                uart.closePort();
            }
        }
    }

    @Test
    void aServerThatIsNotThereExitsWithAStationError() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProbeCliTest.Result r = ProbeCliTest.run(
                "probe",
                "flash",
                "--probe",
                "gdb://127.0.0.1:" + port,
                banner("hex").toString());
        assertEquals(ExitCodes.ERROR, r.code());
        assertTrue(
                r.err().startsWith("station error: GDB server gdb://127.0.0.1:" + port + ": cannot connect"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
