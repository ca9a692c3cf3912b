package com.amiqo.kairos.web;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test class does with its named browsers: a screenshot of each when a
 * test fails, no script error or CSP violation after each test, and quitting them all.
 */
final class Browsers {

	private Browsers() {
	}

	/**
	 * Screenshots named after the failed test and the browser; pages are looked up late.
	 */
	static TestWatcher screenshotsOnFailure(Supplier<Map<String, BrowserPage>> pages) {
		return new TestWatcher() {
			@Override
			public void testFailed(ExtensionContext context, Throwable cause) {
				String name = "failed-" + context.getRequiredTestMethod().getName();
				pages.get().forEach((label, page) -> {
					try {
						page.screenshot(name + "-" + label);
					}
					catch (IOException | RuntimeException e) {
						cause.addSuppressed(e);
					}
				});
			}
		};
	}

	static void assertNoPageErrors(Map<String, BrowserPage> pages) {
		pages.forEach((label, page) -> assertThat(page.pageErrors())
			.as("CSP violations or script errors in the %s browser", label)
			.isEmpty());
	}

	static void quit(BrowserPage... pages) {
		for (BrowserPage page : pages) {
			if (page != null) {
				page.quit();
			}
		}
	}

}
