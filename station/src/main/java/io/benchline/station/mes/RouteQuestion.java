package io.benchline.station.mes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the station asks the MES before a run (docs/mes.md).
 *
 * @param position the board's place in a multi-board fixture; null for a fixture with one board
 */
record RouteQuestion(
        String serial,
        String station,
        String plan,
        String planVersion,
        String operator,
        String batch,
        String position) {

    /** The request body: snake_case keys, position only when there is one. */
    Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serial", serial);
        m.put("station", station);
        m.put("plan", plan);
        m.put("plan_version", planVersion);
        m.put("operator", operator);
        m.put("batch", batch);
        if (position != null) {
            m.put("position", position);
        }
        return m;
    }
}
