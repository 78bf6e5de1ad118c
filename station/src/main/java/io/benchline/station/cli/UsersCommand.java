package io.benchline.station.cli;

import io.benchline.station.InputError;
import io.benchline.station.flow.PinHash;
import io.benchline.station.flow.Role;
import io.benchline.station.flow.StationUser;
import io.benchline.station.flow.Users;
import io.benchline.station.flow.UsersFileWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description = "The station's users: names, roles (operator, engineer) and hashed PINs.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class})
final class UsersCommand {

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Add a user to the station's users file; asks for the PIN (or badge number) and stores its hash.",
                "The PIN comes from BENCHLINE_PIN, the terminal (asked twice) or one line of stdin; never an option."
            })
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "The user's name, as typed on the station's screen.")
        String name;

        @Option(names = "--role", required = true, description = "operator or engineer.")
        String role;

        @Option(names = "--replace", description = "Set a new PIN (and role) for a user already in the file.")
        boolean replace;

        @Mixin
        UsersOption usersOption;

        @Override
        public Integer call() {
            Users.problemWithName(name).ifPresent(p -> {
                throw new InputError(p);
            });
            Role r = Role.of(role)
                    .orElseThrow(() -> new InputError("--role must be operator or engineer, found '" + role + "'"));
            Path file = usersOption.path(Optional.empty());
            Users users = Users.load(file);
            if (users.find(name).isPresent() && !replace) {
                throw new InputError("user '" + name + "' is already in " + file + ": add --replace to set a new PIN");
            }
            char[] pin = PinPrompt.read("PIN for " + name, true);
            try {
                PinHash.weakness(pin).ifPresent(w -> {
                    throw new InputError(w);
                });
                UsersFileWriter.write(
                        users.with(new StationUser(name, r, PinHash.of(pin, PinHash.DEFAULT_ITERATIONS))));
            } finally {
                Arrays.fill(pin, '\0');
            }
            System.out.println(
                    (users.find(name).isPresent() ? "updated " : "added ") + r.text() + " " + name + " in " + file);
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Names and roles of the station's users.")
    static final class ListUsers implements Callable<Integer> {
        @Mixin
        UsersOption usersOption;

        @Override
        public Integer call() {
            Path file = usersOption.path(Optional.empty());
            Users users = Users.load(file);
            if (users.users().isEmpty()) {
                System.out.println("no users in " + file);
            }
            for (StationUser u : users.users()) {
                System.out.println(u.name() + "  " + u.role().text());
            }
            return ExitCodes.OK;
        }
    }
}
