package io.benchline.db;

/** FAIL runs of the line that stopped at one step with one hint: a row of the line's Pareto. */
public record LineFailure(String failedStep, String hint, long runs) {}
