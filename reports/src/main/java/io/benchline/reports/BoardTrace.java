package io.benchline.reports;

import io.benchline.db.RunDetail;
import java.util.List;

/**
 * What a trace found for a key: by serial, one board; by MCU unique ID, every board (serial) that ID
 * was read on, each with its runs newest first. More than one serial for a UID means the chip moved to
 * another board, or a board was reworked: the trace says so rather than pick one.
 */
public record BoardTrace(String key, String uid, List<Board> boards) {
    public BoardTrace {
        boards = List.copyOf(boards);
    }

    public record Board(String serial, List<RunDetail> runs) {
        public Board {
            runs = List.copyOf(runs);
        }
    }

    public boolean byUid() {
        return uid != null;
    }

    public List<String> serials() {
        return boards.stream().map(Board::serial).toList();
    }
}
