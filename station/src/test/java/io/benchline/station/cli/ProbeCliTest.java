package io.benchline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe, image and sim commands run in-process, as an operator would type them. */
class ProbeCliTest {
    @TempDir
    Path dir;

    Thread server;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Starts `benchline sim stlink --listen 0` on a thread and returns the address it prints. */
    String startSimServer(String... extra) throws Exception {
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(4);
        Writer sink = new Writer() {
            final StringBuilder sb = new StringBuilder();

            @Override
            public void write(char[] c, int off, int len) {
                sb.append(c, off, len);
                int nl;
                while ((nl = sb.indexOf("\n")) >= 0) {
                    lines.add(sb.substring(0, nl));
                    sb.delete(0, nl + 1);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        String[] args = new String[3 + extra.length];
        args[0] = "sim";
        args[1] = "stlink";
        args[2] = "--listen=0";
        System.arraycopy(extra, 0, args, 3, extra.length);
        server = new Thread(
                () -> Main.commandLine().setOut(new PrintWriter(sink, true)).execute(args), "sim-stlink");
        server.setDaemon(true);
        server.start();
        String line = lines.poll(10, TimeUnit.SECONDS);
        assertNotNull(line, "sim stlink printed no address");
        assertTrue(line.startsWith("stlink-tcp://127.0.0.1:"), line);
        return line.split("\\s+")[0];
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.interrupt();
            server.join(5000);
        }
    }

    @Test
    void probeInfoJsonAgainstTheSimulatedStlinkServer() throws Exception {
        String address = startSimServer();
        Result r = run("probe", "info", "--probe", address, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals("0x431", o.get("dev_id").asText());
        assertEquals("0x1000", o.get("rev_id").asText());
        assertEquals("0x2BA01477", o.get("dp_idcode").asText());
        assertEquals(512, o.get("flash_kib").asInt());
        assertTrue(o.get("uid").asText().matches("[0-9A-F]{24}"), o.get("uid").asText());
        assertEquals(0, o.get("rdp_level").asInt());
        assertEquals("STM32F411xC/E", o.get("part").asText());
        double v = o.get("target_voltage").asDouble();
        assertTrue(v > 3.2 && v < 3.4, "target voltage " + v);
    }

    @Test
    void flashExitCodes() throws Exception {
        byte[] fw = new byte[40_000];
        new Random(9).nextBytes(fw);
        fw[0] = 0; // the stuck bits of flash-verify-fail sit in the first byte
        Path bin = Files.write(dir.resolve("fw.bin"), fw);
        Result ok = run("probe", "flash", "--probe", "sim:good", bin.toString(), "--base", "0x08000000", "--verify");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("wrote and verified 40000 bytes of fw.bin"), ok.out());

        Result mismatch = run(
                "probe",
                "flash",
                "--probe",
                "sim:flash-verify-fail",
                bin.toString(),
                "--base",
                "0x08000000",
                "--verify");
        assertEquals(1, mismatch.code());
        assertTrue(mismatch.err().contains("verify failed"), mismatch.err());

        Result unplugged =
                run("probe", "flash", "--probe", "sim:probe-unplugged", bin.toString(), "--base", "0x08000000");
        assertEquals(3, unplugged.code());
        assertTrue(
                unplugged.err().startsWith("station error: ") && unplugged.err().contains("USB device gone"),
                unplugged.err());

        Result unpowered = run("probe", "flash", "--probe", "sim:vdd-low", bin.toString(), "--base", "0x08000000");
        assertEquals(1, unpowered.code());
        assertTrue(unpowered.err().contains("not powered"), unpowered.err());

        Result noBase = run("probe", "flash", "--probe", "sim:good", bin.toString());
        assertEquals(2, noBase.code());
        assertEquals(
                "error: " + bin + ": a raw .bin image needs a base address (e.g. --base 0x08000000)",
                noBase.err().strip());

        Result tooHigh = run("probe", "flash", "--probe", "sim:good", bin.toString(), "--base", "0x0807F000");
        assertEquals(2, tooHigh.code());
        assertTrue(tooHigh.err().contains("outside the part's 512 KiB flash"), tooHigh.err());

        Result badUri = run("probe", "flash", "--probe", "jtag://x", bin.toString(), "--base", "0x08000000");
        assertEquals(2, badUri.code());
        assertTrue(badUri.err().contains("unknown probe URI 'jtag://x'"), badUri.err());
    }

    @Test
    void imageInfoJsonAndBadImage() throws Exception {
        Path hex = Files.writeString(dir.resolve("fw.hex"), ":020000040800F2\n:0400000001020304F2\n:00000001FF\n");
        Result r = run("image", "info", hex.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertEquals(4, o.get("size").asInt());
        assertEquals("0x08000000", o.get("segments").get(0).get("address").asText());
        assertEquals(64, o.get("sha256").asText().length());

        Path bad = Files.writeString(dir.resolve("bad.hex"), ":020000040800F2\n:0400000001020304F3\n:00000001FF\n");
        Result e = run("image", "info", bad.toString());
        assertEquals(2, e.code());
        assertEquals(
                "error: " + bad + ":2: bad checksum 0xF3 (the record's bytes need 0xF2)",
                e.err().strip());
    }

    @Test
    void probeListAnswersWithoutAStackTrace() throws Exception {
        Result r = run("probe", "list", "--json");
        if (r.code() == 0) {
            assertTrue(new ObjectMapper().readTree(r.out()).isArray(), r.out());
        } else {
            // no usable libusb on this machine: one line naming USB, exit 3
            assertEquals(3, r.code(), r.err());
            assertTrue(
                    r.err().startsWith("station error: USB:")
                            && r.err().strip().lines().count() == 1,
                    r.err());
        }
    }

    @Test
    void simServerRefusesAnUnknownBoard() {
        Result r = run("sim", "stlink", "--listen", "0", "--board", "cursed");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown board profile 'cursed'"), r.err());
    }
}
