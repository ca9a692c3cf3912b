package com.amiqo.kairos.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Starts a real headless Chromium for the browser tests. Debian's {@code chromium} and
 * {@code chromium-driver} are used when installed ({@code .ci/run} installs them);
 * elsewhere Selenium Manager finds or fetches a browser. When neither works the test
 * fails, saying what to install: browser tests are never skipped.
 */
final class Chromium {

	private static final List<Path> BROWSERS = List.of(Path.of("/usr/bin/chromium"),
			Path.of("/usr/bin/chromium-browser"));

	private static final List<Path> DRIVERS = List.of(Path.of("/usr/bin/chromedriver"),
			Path.of("/usr/lib/chromium/chromedriver"));

	private Chromium() {
	}

	/**
	 * A fresh browser profile (its own sessionStorage) that downloads into
	 * {@code downloads}.
	 */
	static ChromeDriver start(Path profile, Path downloads, Dimension window) throws IOException {
		Files.createDirectories(profile);
		Files.createDirectories(downloads);
		ChromeOptions options = new ChromeOptions();
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--lang=en-US", "--user-data-dir=" + profile.toAbsolutePath(),
				"--window-size=" + window.getWidth() + "," + window.getHeight());
		options.setExperimentalOption("prefs", Map.of("download.default_directory",
				downloads.toAbsolutePath().toString(), "download.prompt_for_download", false));
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		Path browser = firstExisting(BROWSERS);
		Path driver = firstExisting(DRIVERS);
		try {
			if (browser != null && driver != null) {
				options.setBinary(browser.toFile());
				return new ChromeDriver(
						new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build(), options);
			}
			return new ChromeDriver(options);
		}
		catch (WebDriverException e) {
			throw new IllegalStateException("The browser tests need Chromium and its driver and could not start them."
					+ " Install Debian's chromium and chromium-driver packages (.ci/run does this when run as root),"
					+ " or any Chrome that Selenium Manager can find or download. Cause: " + e.getMessage(), e);
		}
	}

	private static Path firstExisting(List<Path> candidates) {
		return candidates.stream().filter(Files::isExecutable).findFirst().orElse(null);
	}

}
