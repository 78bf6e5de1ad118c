package io.benchline.reports.spc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndividualsChartTest {
    private static final ControlLimits UNIT = new ControlLimits(0, 1, true);

    /** The rules fired at each point of the series, on a chart with centre 0 and σ 1. */
    private static List<Set<SpcRule>> judge(double... series) {
        IndividualsChart chart = IndividualsChart.given(UNIT);
        return Arrays.stream(series)
                .mapToObj(v -> chart.add(v, true).violations())
                .toList();
    }

    private static Set<SpcRule> last(double... series) {
        List<Set<SpcRule>> all = judge(series);
        return all.get(all.size() - 1);
    }

    private static Set<SpcRule> union(double... series) {
        Set<SpcRule> out = EnumSet.noneOf(SpcRule.class);
        judge(series).forEach(out::addAll);
        return out;
    }

    @Test
    void onePointBeyondThreeSigmaFiresOnEitherSideAndThreeItselfDoesNot() {
        assertEquals(Set.of(SpcRule.BEYOND_3_SIGMA), last(0.1, 3.2));
        assertEquals(Set.of(SpcRule.BEYOND_3_SIGMA), last(0.1, -3.01));
        assertEquals(Set.of(), union(0.1, 3.0, -0.2, -3.0));
    }

    @Test
    void twoOfThreeBeyondTwoSigmaOnTheSameSide() {
        assertEquals(Set.of(SpcRule.TWO_OF_THREE_BEYOND_2_SIGMA), last(2.5, 0.3, 2.2));
        assertEquals(Set.of(), last(-2.5, -2.1), "only two points on the chart: no window of three yet");
        assertEquals(Set.of(SpcRule.TWO_OF_THREE_BEYOND_2_SIGMA), last(0, -2.5, -2.1));
        // opposite sides, the newest point inside 2σ, or one of three beyond: no alarm
        assertEquals(Set.of(), union(2.5, 0.1, -2.5, 0.1, 2.5));
        assertEquals(Set.of(), last(2.5, 2.5, 1.0));
        assertEquals(Set.of(), last(2.5, 0.5, 0.5, 2.5));
    }

    @Test
    void fourOfFiveBeyondOneSigmaOnTheSameSide() {
        assertEquals(Set.of(SpcRule.FOUR_OF_FIVE_BEYOND_1_SIGMA), last(1.5, 1.2, 0.2, 1.8, 1.1));
        assertEquals(Set.of(SpcRule.FOUR_OF_FIVE_BEYOND_1_SIGMA), last(-1.5, -1.2, -1.1, 0.5, -1.8));
        assertEquals(Set.of(), union(1.5, 1.2, 0.2, -1.8, 1.1));
        assertEquals(Set.of(), union(1.5, 1.2, 0.2, 0.9, 1.1));
    }

    @Test
    void eightInARowOnOneSideOfTheCentre() {
        List<Set<SpcRule>> eightAbove = judge(0.5, 0.2, 0.9, 0.1, 0.4, 0.3, 0.6, 0.2);
        assertEquals(Set.of(SpcRule.EIGHT_ON_ONE_SIDE), eightAbove.get(7));
        assertTrue(eightAbove.subList(0, 7).stream().allMatch(Set::isEmpty));
        assertEquals(Set.of(SpcRule.EIGHT_ON_ONE_SIDE), last(-0.5, -0.2, -0.9, -0.1, -0.4, -0.3, -0.6, -0.2));
        // seven, then a point on the centre or across it: the run is broken
        assertEquals(Set.of(), union(0.5, 0.2, 0.9, 0.1, 0.4, 0.3, 0.6, 0.0));
        assertEquals(Set.of(), union(0.5, 0.2, 0.9, 0.1, 0.4, 0.3, 0.6, -0.1, 0.2));
    }

    @Test
    void sixInARowRisingOrFalling() {
        assertEquals(Set.of(SpcRule.SIX_RISING), last(-1.0, -0.8, -0.5, -0.1, 0.2, 0.6));
        assertEquals(Set.of(SpcRule.SIX_FALLING), last(1.0, 0.7, 0.5, 0.1, -0.2, -0.3));
        // five rising is not six; a tie breaks the run
        assertEquals(Set.of(), union(-0.8, -0.5, -0.1, 0.2, 0.6));
        assertEquals(Set.of(), union(-1.0, -0.8, -0.5, -0.5, 0.2, 0.6));
    }

    @Test
    void aQuietSeriesFiresNothing() {
        assertEquals(
                Set.of(), union(0.3, -0.4, 0.8, -1.2, 0.1, 1.5, -0.6, 0.2, -0.1, 0.9, -0.7, 0.4, -1.9, 0.5, 0.0, -0.3));
    }

    @Test
    void limitsEstimatedFromTheFirstPassingReadingsByTheAverageMovingRange() {
        IndividualsChart chart = IndividualsChart.estimated(4);
        assertTrue(chart.add(10.0, true).baseline());
        assertFalse(chart.add(99.0, false).baseline(), "a board that did not pass is not in the baseline");
        chart.add(12.0, true);
        chart.add(11.0, true);
        assertTrue(chart.limits().isEmpty());
        assertTrue(chart.add(13.0, true).baseline());
        ControlLimits limits = chart.limits().orElseThrow();
        assertEquals(11.5, limits.centre(), 1e-12);
        // moving ranges 2, 1, 2: average 5/3
        assertEquals(5.0 / 3 / 1.128, limits.sigma(), 1e-12);
        assertFalse(limits.given());
        // σ ≈ 1.478: 16.0 is beyond 3σ (15.93)
        assertEquals(Set.of(SpcRule.BEYOND_3_SIGMA), chart.add(16.0, true).violations());
    }

    @Test
    void aFlatBaselineJudgesNothing() {
        IndividualsChart chart = IndividualsChart.estimated(3);
        chart.add(1.0, true);
        chart.add(1.0, true);
        chart.add(1.0, true);
        assertEquals(Set.of(), chart.add(5.0, true).violations());
    }

    @Test
    void ruleIdsRoundTrip() {
        Set<SpcRule> rules = EnumSet.of(SpcRule.SIX_RISING, SpcRule.BEYOND_3_SIGMA);
        assertEquals("beyond-3-sigma,6-rising", SpcRule.ids(rules));
        assertEquals(rules, SpcRule.parse("beyond-3-sigma,6-rising"));
        assertEquals(Set.of(), SpcRule.parse(""));
    }
}
