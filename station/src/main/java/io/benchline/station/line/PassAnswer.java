package io.benchline.station.line;

/**
 * Whether a board already has a PASS, and how far that was checked.
 *
 * @param passed a PASS was found
 * @param askedLine the line's central database answered (not only this station's file)
 * @param notice for the operator when the line was meant to be asked and could not be, else null
 */
public record PassAnswer(boolean passed, boolean askedLine, String notice) {}
