package io.benchline.station.demo;

import io.benchline.fixtures.sim.BoardProfile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The demo's deterministic mix of board profiles: mostly good boards, and once there are enough
 * boards every fault profile at least once (from 20 boards at least the reset-cause profiles),
 * shuffled by the seed. From 20 boards, the first good board is one whose VCAP1 is a marginal pass
 * (it still passes: the yield is the same).
 */
public final class DemoMix {
    static final double GOOD_SHARE = 0.8;
    /** Shown once each in a mix of this many boards or more: the default demo shows the reset-cause forensics. */
    static final int SHOWCASE_FROM = 20;

    static final List<BoardProfile> SHOWCASE =
            List.of(BoardProfile.RAIL_SAG, BoardProfile.WATCHDOG, BoardProfile.NRST_GLITCH);

    private DemoMix() {}

    public static List<BoardProfile> profiles(int boards, long seed) {
        Random random = new Random(seed);
        List<BoardProfile> faults = new ArrayList<>(List.of(BoardProfile.values()));
        faults.remove(BoardProfile.GOOD);
        faults.remove(BoardProfile.VCAP_MARGINAL); // a passing board: it takes a good board's place below
        List<BoardProfile> mix = new ArrayList<>(boards);
        if (boards >= 5 * faults.size()) {
            mix.addAll(faults);
        } else if (boards >= SHOWCASE_FROM) {
            mix.addAll(SHOWCASE);
        }
        while (mix.size() < boards) {
            mix.add(random.nextDouble() < GOOD_SHARE ? BoardProfile.GOOD : faults.get(random.nextInt(faults.size())));
        }
        Collections.shuffle(mix, random);
        int good = mix.indexOf(BoardProfile.GOOD);
        if (boards >= SHOWCASE_FROM && good >= 0) {
            mix.set(good, BoardProfile.VCAP_MARGINAL);
        }
        return mix;
    }
}
