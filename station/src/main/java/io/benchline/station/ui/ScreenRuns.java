package io.benchline.station.ui;

import io.benchline.db.Database;
import io.benchline.station.flow.StationFlow;
import io.benchline.station.plan.Plan;
import io.benchline.station.sequence.RunAborts;

/**
 * The runs a screen acts on, one board's ({@link StationRuns}) or a panel's ({@link PanelRuns}):
 * their waiting prompts, their stop signals, and the production flow they pass through. The
 * routes that answer a prompt, abort a run or release a board take this, so both screens share them.
 */
interface ScreenRuns {
    ScreenPrompts prompts();

    RunAborts aborts();

    Plan plan();

    Database db();

    StationFlow flow();
}
