package io.benchline.db;

/** One reset-cause read of a run (view reset_cause): each RCC_CSR flag 0 or 1, and the raw register. */
public record ResetCauseRow(
        long runId, String phase, int por, int pin, int bor, int sft, int iwdg, int wwdg, int lpwr, long raw) {}
