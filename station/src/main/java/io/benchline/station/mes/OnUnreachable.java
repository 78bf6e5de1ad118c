package io.benchline.station.mes;

/** What a station does when the MES cannot be asked (timeout, connection refused, a non-2xx answer). */
public enum OnUnreachable {
    /** Test nothing: the operator is told the MES could not be asked. */
    REFUSE,
    /** Test the board anyway, and record that the route was not checked. */
    ALLOW
}
