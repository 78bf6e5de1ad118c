package io.benchline.db;

/**
 * What a station tells the line about itself with each heartbeat (the line page's row).
 *
 * @param station the station's name on the line
 * @param state {@code testing} or {@code idle}
 * @param batch the batch it is testing, or null
 * @param plan the plan name it runs, or null
 * @param softwareVersion Benchline's version on that station
 */
public record StationState(String station, String state, String batch, String plan, String softwareVersion) {}
