package io.benchline.reports;

import io.benchline.db.RunDetail;
import io.benchline.db.TraceQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the boards a trace key names: a serial first, else an MCU unique ID with every serial it was read on. */
public final class BoardTraces {
    private static final Pattern UID = Pattern.compile("[0-9A-Fa-f]{24}");
    private final TraceQueries queries;

    public BoardTraces(TraceQueries queries) {
        this.queries = queries;
    }

    /** Empty when nothing is stored under the key. */
    public Optional<BoardTrace> find(String key) {
        List<RunDetail> runs = queries.board(key);
        if (!runs.isEmpty()) {
            return Optional.of(new BoardTrace(key, null, List.of(new BoardTrace.Board(key, runs))));
        }
        if (!UID.matcher(key).matches()) {
            return Optional.empty();
        }
        List<BoardTrace.Board> boards = new ArrayList<>();
        for (String serial : queries.serialsOfUid(key)) {
            boards.add(new BoardTrace.Board(serial, queries.board(serial)));
        }
        return boards.isEmpty()
                ? Optional.empty()
                : Optional.of(new BoardTrace(key, key.toUpperCase(Locale.ROOT), boards));
    }
}
