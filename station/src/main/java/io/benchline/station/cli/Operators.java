package io.benchline.station.cli;

/** The operator's name when none is given: the login name. */
final class Operators {
    private Operators() {}

    static String orLogin(String given) {
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "operator" : user;
    }
}
