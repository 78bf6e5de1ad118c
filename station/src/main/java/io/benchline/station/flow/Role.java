package io.benchline.station.flow;

import java.util.Locale;
import java.util.Optional;

/** What a station user may do: operators test; engineers also release, confirm retests of passed boards. */
public enum Role {
    OPERATOR,
    ENGINEER;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String text) {
        for (Role r : values()) {
            if (r.text().equals(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
