package io.benchline.station.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.benchline.fixtures.image.FirmwareImage;
import io.benchline.fixtures.image.Segment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "image",
        description = "Inspect firmware images (Intel HEX, ELF, BIN).",
        mixinStandardHelpOptions = true,
        subcommands = ImageCommand.Info.class)
final class ImageCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static String hex32(long v) {
        return String.format("0x%08X", v);
    }

    @Command(name = "info", description = "Segments, size and SHA-256 of an image.", mixinStandardHelpOptions = true)
    static final class Info implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ImageArgs image;

        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            FirmwareImage image = this.image.read();
            Path file = this.image.file;
            var out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("file", file.toString());
                o.put("sha256", image.sha256());
                o.put("size", image.size());
                o.put("lowest_address", hex32(image.lowestAddress()));
                o.put("highest_end", hex32(image.highestEnd()));
                List<Map<String, Object>> segs = new ArrayList<>();
                for (Segment s : image.segments()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("address", hex32(s.address()));
                    m.put("length", s.data().length);
                    segs.add(m);
                }
                o.put("segments", segs);
                out.println(new ObjectMapper()
                        .disable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(o));
            } else {
                out.printf(
                        "%s: %d bytes in %d segment%s, sha256 %s%n",
                        file,
                        image.size(),
                        image.segments().size(),
                        image.segments().size() == 1 ? "" : "s",
                        image.sha256());
                for (Segment s : image.segments()) {
                    out.printf("  %s-%s  %8d bytes%n", hex32(s.address()), hex32(s.end() - 1), s.data().length);
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
