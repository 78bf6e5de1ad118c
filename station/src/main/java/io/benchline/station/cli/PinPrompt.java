package io.benchline.station.cli;

import io.benchline.station.InputError;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A PIN is never an option (it would stay in the shell's history and in the process list): it
 * comes from BENCHLINE_PIN, else is asked on the console without echo, else is read as one line
 * of standard input (a script's pipe).
 */
final class PinPrompt {
    private PinPrompt() {}

    static char[] read(String prompt, boolean twice) {
        String env = System.getenv("BENCHLINE_PIN");
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console != null) {
            char[] pin = console.readPassword("%s: ", prompt);
            if (pin == null) {
                throw new InputError("no PIN given");
            }
            if (twice) {
                char[] again = console.readPassword("again, to be sure: ");
                boolean same = again != null && Arrays.equals(pin, again);
                if (again != null) {
                    Arrays.fill(again, '\0');
                }
                if (!same) {
                    Arrays.fill(pin, '\0');
                    throw new InputError("the two PINs differ: nothing was changed");
                }
            }
            return pin;
        }
        try {
            // not closed: that would close standard input for the rest of the process
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new InputError("no PIN given: set BENCHLINE_PIN, type it on a terminal, or pipe it on stdin");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new InputError("cannot read the PIN from standard input: " + e.getMessage());
        }
    }
}
