package io.benchline.db;

import org.jdbi.v3.core.Jdbi;

/** The label of the panel a run's board was on, for a panel started from its label (V14). */
public final class PanelLabels {
    private final Jdbi jdbi;

    PanelLabels(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Stores the panel label with a run just begun. */
    public void label(long runId, String panelLabel) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE run SET panel_label = :label WHERE id = :id")
                .bind("label", panelLabel)
                .bind("id", runId)
                .execute());
    }
}
