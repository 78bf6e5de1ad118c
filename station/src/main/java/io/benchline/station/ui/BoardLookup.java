package io.benchline.station.ui;

import io.benchline.db.RunDetail;
import io.benchline.db.TraceQueries;
import java.util.List;
import java.util.Optional;

/** A board's runs by its serial, else by its MCU's unique ID. */
record BoardLookup(String serial, List<RunDetail> runs) {

    static BoardLookup find(TraceQueries trace, String key) {
        List<RunDetail> runs = trace.board(key);
        if (runs.isEmpty() && key.matches("[0-9A-Fa-f]{24}")) {
            Optional<String> serial = trace.serialOfUid(key);
            if (serial.isPresent()) {
                return new BoardLookup(serial.get(), trace.board(serial.get()));
            }
        }
        return new BoardLookup(key, runs);
    }
}
