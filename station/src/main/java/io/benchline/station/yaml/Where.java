package io.benchline.station.yaml;

/** A place in a file, printed as FILE:LINE:COLUMN (both from 1), as compilers do. */
public record Where(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
