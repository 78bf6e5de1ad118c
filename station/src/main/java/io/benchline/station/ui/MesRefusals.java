package io.benchline.station.ui;

import io.benchline.station.mes.MesUnavailable;
import io.benchline.station.mes.RouteRefused;
import java.util.LinkedHashMap;
import java.util.Map;

/** The API's answer when the MES route check stopped a run (docs/mes.md): 403 refused, 503 not asked. */
final class MesRefusals {
    private MesRefusals() {}

    static Map<String, Object> body(RouteRefused e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", e.getMessage());
        m.put("conflict", "route-refused");
        m.put("serial", e.serial());
        m.put("reason", e.reason());
        return m;
    }

    static Map<String, Object> body(MesUnavailable e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", e.getMessage());
        m.put("conflict", "mes-unavailable");
        m.put("serial", e.serial());
        return m;
    }
}
