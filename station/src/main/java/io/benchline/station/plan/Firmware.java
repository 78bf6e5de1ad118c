package io.benchline.station.plan;

import java.nio.file.Path;

/** The released firmware a plan programs: where it is, its pinned SHA-256, and a base address for raw .bin. */
public record Firmware(Path path, String sha256, Long base) {}
