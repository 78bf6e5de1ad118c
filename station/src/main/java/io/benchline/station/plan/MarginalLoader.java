package io.benchline.station.plan;

import io.benchline.station.yaml.Fields;
import io.benchline.station.yaml.YamlError;
import java.util.Optional;

/**
 * Reads a measure step's marginal band: {@code marginal: {low: L, high: H}} (a passing reading
 * below L or above H is marginal; either side may be left out), or {@code marginal-pct: P} (P % of
 * the tolerance high - low inside each limit). The band must lie inside the limits.
 */
final class MarginalLoader {
    private MarginalLoader() {}

    static Limits withBand(Fields f, Limits limits, String what) {
        Optional<Double> pct = f.optNumber("marginal-pct");
        boolean given = f.has("marginal");
        if (pct.isPresent() && given) {
            throw new YamlError(f.where("marginal-pct"), what + ": give either 'marginal' or 'marginal-pct', not both");
        }
        if (pct.isPresent()) {
            return fromPercent(f, limits, pct.get(), what);
        }
        if (!given) {
            return limits;
        }
        Fields band = Fields.of(f.node("marginal"), what + " marginal");
        Double low = band.optNumber("low").orElse(null);
        Double high = band.optNumber("high").orElse(null);
        band.done();
        if (low == null && high == null) {
            throw new YamlError(band.where(), what + ": marginal needs 'low', 'high' or both");
        }
        if (low != null) {
            inside(band, "low", low, limits, what);
        }
        if (high != null) {
            inside(band, "high", high, limits, what);
        }
        if (low != null && high != null && low > high) {
            throw new YamlError(
                    band.where("low"),
                    what + ": marginal low " + low + " is above marginal high " + high
                            + ": every passing reading would be marginal");
        }
        return new Limits(limits.low(), limits.high(), low, high);
    }

    /** A band edge strictly inside the limits, on a side that has a limit. */
    private static void inside(Fields band, String side, double edge, Limits limits, String what) {
        Double limit = side.equals("low") ? limits.low() : limits.high();
        if (limit == null) {
            throw new YamlError(
                    band.where(side),
                    what + ": marginal " + side + " needs a '" + side + "' limit: the band lies between the limit"
                            + " and marginal " + side);
        }
        boolean in = (limits.low() == null || edge > limits.low()) && (limits.high() == null || edge < limits.high());
        if (!in) {
            throw new YamlError(
                    band.where(side),
                    what + ": marginal " + side + " " + edge + " is not inside the limits " + limits
                            + ": the marginal band lies inside them");
        }
    }

    private static Limits fromPercent(Fields f, Limits limits, double pct, String what) {
        if (limits.low() == null || limits.high() == null) {
            throw new YamlError(
                    f.where("marginal-pct"),
                    what + ": marginal-pct is a share of the tolerance and needs both 'low' and 'high'"
                            + " (with one limit, give marginal: {low: ...} or {high: ...})");
        }
        if (!(pct > 0 && pct < 50)) {
            throw new YamlError(
                    f.where("marginal-pct"),
                    what + ": marginal-pct must be above 0 and below 50 (% of the tolerance at each limit), found "
                            + pct);
        }
        double width = (limits.high() - limits.low()) * pct / 100;
        return new Limits(limits.low(), limits.high(), limits.low() + width, limits.high() - width);
    }
}
