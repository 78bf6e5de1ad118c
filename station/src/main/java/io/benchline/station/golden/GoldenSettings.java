package io.benchline.station.golden;

import io.benchline.station.InputError;
import io.benchline.station.fixture.FixtureFile;
import io.benchline.station.yaml.Fields;
import io.benchline.station.yaml.Node;
import io.benchline.station.yaml.YamlError;
import io.benchline.station.yaml.YamlTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A station's golden-board settings: the fixture file's {@code golden:} block (docs/fixture-format.md).
 *
 * @param serials  the golden boards' labels; when any are listed, only they may be run as golden
 * @param shifts   the times of day each shift starts, sorted
 * @param zone     the zone those times are in (empty: the station's clock zone)
 * @param required whether production runs are refused until a golden check passed in the current shift
 * @param repeat   the fewest runs a check must have made to satisfy the requirement
 */
public record GoldenSettings(
        List<String> serials, List<LocalTime> shifts, Optional<ZoneId> zone, boolean required, int repeat) {
    public static final int DEFAULT_REPEAT = 10;
    public static final GoldenSettings NONE =
            new GoldenSettings(List.of(), List.of(), Optional.empty(), false, DEFAULT_REPEAT);

    public GoldenSettings {
        serials = List.copyOf(serials);
        shifts = List.copyOf(new TreeSet<>(shifts));
    }

    /** The settings of a fixture file's {@code golden:} block; none for a built-in fixture or a file without one. */
    public static GoldenSettings of(FixtureFile fixture) {
        Path file = Path.of(fixture.source());
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputError("fixture " + file + ": cannot read: " + e.getMessage());
        }
        return Fields.of(YamlTree.parse(fixture.source(), text), "the fixture")
                .optNode("golden")
                .map(GoldenSettings::parse)
                .orElse(NONE);
    }

    /** Checks a {@code golden:} block where the fixture file is read, so its errors name file:line:column. */
    public static void check(Node block) {
        parse(block);
    }

    static GoldenSettings parse(Node block) {
        Fields f = Fields.of(block, "golden");
        List<String> serials = new ArrayList<>();
        for (Node n : f.list("serials")) {
            String s = text(n, "golden: serials");
            if (s.isBlank() || s.length() > 64 || s.chars().anyMatch(Character::isWhitespace)) {
                throw new YamlError(n.where(), "golden: serial '" + s + "' must be 1 to 64 characters, no spaces");
            }
            serials.add(s);
        }
        List<LocalTime> shifts = new ArrayList<>();
        for (Node n : f.list("shifts")) {
            String t = text(n, "golden: shifts");
            try {
                shifts.add(LocalTime.parse(t));
            } catch (DateTimeParseException e) {
                throw new YamlError(
                        n.where(), "golden: shift start '" + t + "' is not a time of day such as \"06:00\"");
            }
        }
        Optional<ZoneId> zone = f.optText("zone").map(z -> {
            try {
                return ZoneId.of(z);
            } catch (DateTimeException e) {
                throw new YamlError(
                        f.where("zone"), "golden: zone '" + z + "' is not a time zone such as Europe/Berlin");
            }
        });
        boolean required = f.bool("required", false);
        int repeat = f.integer("repeat", DEFAULT_REPEAT);
        if (repeat < 2 || repeat > 1000) {
            throw new YamlError(f.where("repeat"), "golden: repeat must be 2 to 1000, found " + repeat);
        }
        if (required && shifts.isEmpty()) {
            throw new YamlError(f.where("required"), "golden: required: true needs the shifts' start times (shifts:)");
        }
        f.done();
        return new GoldenSettings(serials, shifts, zone, required, repeat);
    }

    private static String text(Node n, String what) {
        if (n instanceof Node.Scalar s) {
            return s.text().trim();
        }
        throw new YamlError(
                n.where(),
                what + ": each entry must be a plain value, found "
                        + n.getClass().getSimpleName());
    }

    /** When the shift that now falls in began: the latest start at or before now, yesterday's last one before the first. */
    public ShiftStart shiftAt(Instant now, ZoneId clockZone) {
        ZoneId z = zone.orElse(clockZone);
        ZonedDateTime local = now.atZone(z);
        ShiftStart best = null;
        for (int daysBack = 0; daysBack <= 1 && best == null; daysBack++) {
            for (LocalTime t : shifts) {
                ZonedDateTime start =
                        local.toLocalDate().minusDays(daysBack).atTime(t).atZone(z);
                if (!start.isAfter(local)) {
                    best = new ShiftStart(t, start.toInstant());
                }
            }
        }
        return best;
    }

    /** Whether the serial may be run as a golden board here: listed, or nothing listed. */
    public boolean admitsGolden(String serial) {
        return serials.isEmpty() || serials.contains(serial);
    }

    /** The start of a shift: its time of day as configured and the instant it began. */
    public record ShiftStart(LocalTime time, Instant began) {}
}
