package io.benchline.station.flow;

/** One line of the users file: a name, a role, the PIN's hash. */
public record StationUser(String name, Role role, PinHash pin) {}
