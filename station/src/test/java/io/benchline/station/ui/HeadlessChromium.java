package io.benchline.station.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** Debian's chromium, headless, driven by Playwright (which downloads no browser of its own). */
final class HeadlessChromium {
    private HeadlessChromium() {}

    static Playwright playwright() {
        assertTrue(
                Files.isExecutable(OperatorScreenBrowserTest.CHROMIUM),
                "browser tests need Debian's chromium: apt-get install -y chromium");
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(OperatorScreenBrowserTest.CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }
}
