package io.benchline.reports.spc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * An individuals (I) control chart for one continuous measurement, fed one reading at a time.
 * Its limits are given (the plan's centre and σ) or estimated from the first baseline readings of
 * passing boards; until then points are kept but not judged. Each later point is judged by the
 * {@link SpcRule}s over the last eight points (baseline points included: they are on the chart).
 * Not thread-safe: one caller feeds it.
 */
public final class IndividualsChart {
    static final int WINDOW = 8;

    private final int baselineSize;
    private final List<Double> baseline = new ArrayList<>();
    private final Deque<Double> recent = new ArrayDeque<>(WINDOW);
    private ControlLimits limits;
    private int points;

    private IndividualsChart(ControlLimits limits, int baselineSize) {
        this.limits = limits;
        this.baselineSize = baselineSize;
    }

    /** A chart judged against limits given beforehand (a plan's centre and σ). */
    public static IndividualsChart given(ControlLimits limits) {
        return new IndividualsChart(limits, 0);
    }

    /** A chart whose limits come from its first baselineSize readings of passing boards (2 or more). */
    public static IndividualsChart estimated(int baselineSize) {
        if (baselineSize < 2) {
            throw new IllegalArgumentException("a baseline needs at least 2 readings, asked for " + baselineSize);
        }
        return new IndividualsChart(null, baselineSize);
    }

    /** The limits, once given or estimated. */
    public Optional<ControlLimits> limits() {
        return Optional.ofNullable(limits);
    }

    /** How many points the chart has had. */
    public int size() {
        return points;
    }

    /**
     * Adds a reading and judges it.
     *
     * @param passing the reading's board passed; only those make a baseline
     */
    public ChartPoint add(double value, boolean passing) {
        int index = points++;
        push(value);
        if (limits == null) {
            boolean inBaseline = passing;
            if (inBaseline) {
                baseline.add(value);
                if (baseline.size() == baselineSize) {
                    limits = ControlLimits.estimate(baseline);
                }
            }
            return new ChartPoint(index, value, inBaseline, EnumSet.noneOf(SpcRule.class));
        }
        return new ChartPoint(index, value, false, judge());
    }

    /** Forgets the last points, not the limits: what follows is not adjacent to them (a gap in a restored chart). */
    public void breakRun() {
        recent.clear();
    }

    private void push(double value) {
        if (recent.size() == WINDOW) {
            recent.removeFirst();
        }
        recent.addLast(value);
    }

    private EnumSet<SpcRule> judge() {
        EnumSet<SpcRule> fired = EnumSet.noneOf(SpcRule.class);
        if (!limits.judges()) {
            return fired;
        }
        double[] z = recent.stream().mapToDouble(limits::z).toArray();
        int n = z.length;
        double last = z[n - 1];
        if (Math.abs(last) > 3) {
            fired.add(SpcRule.BEYOND_3_SIGMA);
        }
        if (sameSideBeyond(z, 3, 2, 2)) {
            fired.add(SpcRule.TWO_OF_THREE_BEYOND_2_SIGMA);
        }
        if (sameSideBeyond(z, 5, 4, 1)) {
            fired.add(SpcRule.FOUR_OF_FIVE_BEYOND_1_SIGMA);
        }
        if (n >= 8 && (allOnSide(z, 8, 1) || allOnSide(z, 8, -1))) {
            fired.add(SpcRule.EIGHT_ON_ONE_SIDE);
        }
        if (trend(6, 1)) {
            fired.add(SpcRule.SIX_RISING);
        }
        if (trend(6, -1)) {
            fired.add(SpcRule.SIX_FALLING);
        }
        return fired;
    }

    /** At least count of the last window points beyond k σ on the newest point's side, the newest one of them. */
    private static boolean sameSideBeyond(double[] z, int window, int count, double k) {
        int n = z.length;
        if (n < window) {
            return false;
        }
        double side = Math.signum(z[n - 1]);
        if (side == 0 || Math.abs(z[n - 1]) <= k) {
            return false;
        }
        int beyond = 0;
        for (int i = n - window; i < n; i++) {
            if (Math.signum(z[i]) == side && Math.abs(z[i]) > k) {
                beyond++;
            }
        }
        return beyond >= count;
    }

    private static boolean allOnSide(double[] z, int run, int side) {
        for (int i = z.length - run; i < z.length; i++) {
            if (Math.signum(z[i]) != side) {
                return false;
            }
        }
        return true;
    }

    /** The last run points each strictly above (direction 1) or below (-1) the one before. */
    private boolean trend(int run, int direction) {
        if (recent.size() < run) {
            return false;
        }
        Double[] v = recent.toArray(new Double[0]);
        for (int i = v.length - run + 1; i < v.length; i++) {
            if (Math.signum(v[i] - v[i - 1]) != direction) {
                return false;
            }
        }
        return true;
    }
}
