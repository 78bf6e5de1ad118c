package io.benchline.station.flow;

/** An engineer's name and PIN as given for one action (the PIN is wiped once checked). */
public record EngineerPin(String name, char[] pin) {
    public static EngineerPin of(String name, String pin) {
        return new EngineerPin(name, pin == null ? new char[0] : pin.toCharArray());
    }

    public boolean given() {
        return name != null && !name.isBlank() && pin != null && pin.length > 0;
    }
}
