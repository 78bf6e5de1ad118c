package io.benchline.station.mes;

import io.benchline.db.RouteDecision;

/** The station's decision on one route check, the reason (the MES's, or why it could not be asked), and how long asking took. */
record RouteVerdict(RouteDecision decision, String reason, long elapsedMs) {}
