package io.benchline.db;

/**
 * The instrument that took a reading, as it named itself (its *IDN?): a row of table
 * {@code instrument}, one per distinct identity. Empty strings where the instrument does not say.
 */
public record InstrumentIdentity(String make, String model, String serial, String firmware) {
    public InstrumentIdentity {
        make = make == null ? "" : make;
        model = model == null ? "" : model;
        serial = serial == null ? "" : serial;
        firmware = firmware == null ? "" : firmware;
    }

    /** Compact, for a trace line: "KEITHLEY 2000 #1234567" (the maker's first word). */
    public String label() {
        String maker = make.split("\\s+")[0];
        String s = (maker + " " + model).trim();
        return serial.isEmpty() ? s : s + " #" + serial;
    }
}
