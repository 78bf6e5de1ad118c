package io.benchline.db;

/** What a station did with the MES route check before a run (docs/mes.md). */
public enum RouteDecision {
    /** The MES allowed the serial here; the run started. */
    ALLOWED,
    /** The MES refused the serial here; nothing was powered. */
    REFUSED,
    /** The MES could not be asked; the policy is allow, so the run started unchecked. */
    UNCHECKED_ALLOWED,
    /** The MES could not be asked; the policy is refuse, so nothing was powered. */
    UNCHECKED_REFUSED;

    /** Whether the board is tested after this decision. */
    public boolean runs() {
        return this == ALLOWED || this == UNCHECKED_ALLOWED;
    }
}
