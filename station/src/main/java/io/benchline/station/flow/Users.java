package io.benchline.station.flow;

import io.benchline.station.InputError;
import io.benchline.station.yaml.Fields;
import io.benchline.station.yaml.Node;
import io.benchline.station.yaml.YamlError;
import io.benchline.station.yaml.YamlTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A station's users file (docs/production-flow.md): who may act at the station, in which role,
 * with the hash of their PIN. A file that does not exist is a station with no users yet: nobody
 * can take an engineer's action there until {@code benchline users add} writes one.
 */
public record Users(Path file, List<StationUser> users) {
    static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@'-]{0,99}");

    public Users {
        users = List.copyOf(users);
    }

    /** No users file: nobody can take an engineer's action. */
    public static Users none() {
        return new Users(Path.of("(none given)"), List.of());
    }

    public static Users load(Path file) {
        if (!Files.exists(file)) {
            return new Users(file, List.of());
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputError("users file " + file + ": cannot read: " + e.getMessage());
        }
        Fields root = Fields.of(YamlTree.parse(file.toString(), text), "the users file");
        List<Node> items = root.list("users");
        root.done();
        List<StationUser> users = new ArrayList<>();
        for (Node n : items) {
            Fields f = Fields.of(n, "a user");
            String name = f.text("name");
            if (!NAME.matcher(name).matches()) {
                throw new YamlError(f.where("name"), nameProblem(name));
            }
            String roleText = f.text("role");
            Role role = Role.of(roleText)
                    .orElseThrow(() -> new YamlError(
                            f.where("role"),
                            "user '" + name + "': role must be operator or engineer, found '" + roleText + "'"));
            PinHash pin = PinHash.parse(f.text("pin"))
                    .orElseThrow(() -> new YamlError(
                            f.where("pin"),
                            "user '" + name + "': pin is not a pbkdf2-sha256 hash (set it with benchline users add "
                                    + name + " --role " + roleText + " --replace)"));
            f.done();
            if (users.stream().anyMatch(u -> u.name().equals(name))) {
                throw new YamlError(f.where("name"), "user '" + name + "' is listed twice");
            }
            users.add(new StationUser(name, role, pin));
        }
        return new Users(file, users);
    }

    public Optional<StationUser> find(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public boolean anyEngineer() {
        return users.stream().anyMatch(u -> u.role() == Role.ENGINEER);
    }

    /** These users with one added, or replacing the user of that name. */
    public Users with(StationUser user) {
        List<StationUser> next = new ArrayList<>();
        boolean replaced = false;
        for (StationUser u : users) {
            if (u.name().equals(user.name())) {
                next.add(user);
                replaced = true;
            } else {
                next.add(u);
            }
        }
        if (!replaced) {
            next.add(user);
        }
        return new Users(file, next);
    }

    static String nameProblem(String name) {
        return "user name '" + name + "' must be 1 to 100 letters, digits, spaces or . _ @ ' -, starting with a letter"
                + " or digit";
    }

    /** Why a name cannot be a user's, if it cannot. */
    public static Optional<String> problemWithName(String name) {
        return name != null && NAME.matcher(name).matches() ? Optional.empty() : Optional.of(nameProblem(name));
    }
}
