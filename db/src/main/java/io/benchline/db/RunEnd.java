package io.benchline.db;

/** How a run ended: its verdict, the first failing step and the hint shown to the operator. */
public record RunEnd(Verdict verdict, String failedStep, String hint, String message) {}
