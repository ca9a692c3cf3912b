package com.amiqo.kairos.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser in the web client: the few gestures the tests need, with waits
 * instead of sleeps.
 */
final class BrowserPage {

	/** Generous for a shared 2-core machine; the app itself polls every 2–3 s. */
	private static final Duration WAIT = Duration.ofSeconds(20);
	static final Path SCREENSHOTS = Path.of("target/screenshots");

	/**
	 * Where the documentation's screenshots are refreshed: {@code docs/screenshots} when
	 * {@code KAIROS_DOCS_SCREENSHOTS=1}, else nowhere (a test run leaves the checkout
	 * alone).
	 */
	static final Path DOCS_SCREENSHOTS = "1".equals(System.getenv("KAIROS_DOCS_SCREENSHOTS"))
			? Path.of("docs/screenshots") : null;

	private static final double MAX_SCREENSHOT_HEIGHT = 4000;

	private final ChromeDriver driver;

	private final String window;

	final Path downloads;

	private final String baseUrl;

	BrowserPage(ChromeDriver driver, Path downloads, String baseUrl) {
		this.driver = driver;
		this.window = driver.getWindowHandle();
		this.downloads = downloads;
		this.baseUrl = baseUrl;
	}

	/**
	 * Another tab of the same browser: its own sessionStorage, so another person can be
	 * signed in there (tokens are per tab).
	 */
	BrowserPage newTab() {
		driver().switchTo().newWindow(WindowType.TAB);
		return new BrowserPage(driver, downloads, baseUrl);
	}

	/** The driver, focused on this page's tab. */
	ChromeDriver driver() {
		try {
			if (!window.equals(driver.getWindowHandle())) {
				driver.switchTo().window(window);
			}
		}
		catch (org.openqa.selenium.NoSuchWindowException e) {
			// The tab the driver was on was closed.
			driver.switchTo().window(window);
		}
		return driver;
	}

	void quit() {
		driver.quit();
	}

	/** Presses keys on whatever has the focus, as a keyboard-only person does. */
	void press(CharSequence... keys) {
		driver().switchTo().activeElement().sendKeys(keys);
	}

	/** Presses Tab until the focused element matches the CSS selector; fails after 80. */
	void tabTo(String css) {
		for (int i = 0; i < 80; i++) {
			if (Boolean.TRUE
				.equals(script("return document.activeElement && document.activeElement.matches(arguments[0])", css))) {
				return;
			}
			press(org.openqa.selenium.Keys.TAB);
		}
		throw new AssertionError("Tab never reached " + css);
	}

	WebElement find(By by) {
		return driver().findElement(by);
	}

	String value(By by) {
		return find(by).getDomProperty("value");
	}

	void open(String path) {
		driver().get(baseUrl + path);
	}

	/**
	 * Signs out whoever is signed in (tokens live in this tab's sessionStorage only) and
	 * shows the app.
	 */
	void freshTab() {
		open("/app/");
		script("sessionStorage.clear(); sessionStorage.setItem('kairos.no-handoff', '1')");
		driver().navigate().refresh();
	}

	/** A phone (390×844, touch) or a desktop window (1280×900). */
	enum Screen {

		PHONE(390, 844, true), DESKTOP(1280, 900, false);

		final int width;

		final int height;

		final boolean mobile;

		Screen(int width, int height, boolean mobile) {
			this.width = width;
			this.height = height;
			this.mobile = mobile;
		}

	}

	private Screen screen = Screen.DESKTOP;

	/**
	 * Makes this tab a person's device: its screen, and the time zone its clock shows.
	 */
	BrowserPage as(Screen screen, String timeZone) {
		this.screen = screen;
		emulate(screen);
		driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", timeZone));
		return this;
	}

	private void emulate(Screen target) {
		driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", target.width, "height",
				target.height, "deviceScaleFactor", 1, "mobile", target.mobile));
	}

	/**
	 * The page at both sizes: a screenshot of each (for the docs) and an axe-core check
	 * of each, failing on any serious or critical violation.
	 */
	void screens(String name) throws IOException {
		for (Screen size : Screen.values()) {
			emulate(size);
			script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
			String shot = name + "-" + size.name().toLowerCase(java.util.Locale.ROOT);
			screenshot(shot);
			assertAccessible(shot);
		}
		emulate(screen);
	}

	/** axe-core's serious and critical violations on the page as it is now. */
	@SuppressWarnings("unchecked")
	List<String> accessibilityViolations() throws IOException {
		if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
			script(AxeCore.script());
		}
		Object result = driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
				+ ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
				+ ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))"
				+ ".catch(e => done(['axe failed: ' + e]));");
		return (List<String>) result;
	}

	void assertAccessible(String state) throws IOException {
		List<String> violations = accessibilityViolations();
		if (!violations.isEmpty()) {
			throw new AssertionError("axe-core violations on " + state + ": " + violations);
		}
	}

	void signIn(String name) {
		WebElement field = waitFor(By.id("signin-name"));
		field.clear();
		field.sendKeys(name);
		driver().findElement(By.id("signin-submit")).click();
		waitForText(By.id("signed-in-as"), name);
	}

	void signOut() {
		click(By.id("sign-out"));
		waitFor(By.id("signin-form"));
	}

	/**
	 * Pages re-render when the plan changes, so an element found a moment ago may be
	 * replaced: look again.
	 */
	private WebDriverWait waiting() {
		WebDriverWait wait = new WebDriverWait(driver(), WAIT);
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/**
	 * Sets the {@code index}-th checkbox matching {@code by}, finding it again if the
	 * page re-rendered.
	 */
	void setChecked(By by, int index, boolean checked) {
		waiting().withMessage(() -> "setting " + by + " #" + index).until(d -> {
			List<WebElement> found = d.findElements(by);
			if (found.size() <= index) {
				return false;
			}
			if (found.get(index).isSelected() != checked) {
				found.get(index).click();
			}
			return d.findElements(by).get(index).isSelected() == checked;
		});
	}

	WebElement waitFor(By by) {
		return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	void waitForText(By by, String text) {
		waiting().withMessage(() -> "waiting for '" + text + "' in " + by + ", page: " + describe(by))
			.until(d -> d.findElements(by).stream().anyMatch(e -> e.getText().contains(text)));
	}

	void waitUntil(String description, java.util.function.BooleanSupplier condition) {
		waiting().withMessage(description).until(d -> condition.getAsBoolean());
	}

	private String describe(By by) {
		List<WebElement> found = driver().findElements(by);
		return found.isEmpty() ? "(no such element) " + driver().findElement(By.id("main")).getText()
				: found.stream().map(WebElement::getText).toList().toString();
	}

	/**
	 * Clicks like a person: the element is scrolled to the middle of the screen first, so
	 * that a sticky bar does not cover it.
	 */
	void click(By by) {
		waiting().withMessage(() -> "clicking " + by).until(d -> {
			WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
			if (element == null) {
				return false;
			}
			script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element);
			element.click();
			return true;
		});
	}

	void type(By by, String text) {
		WebElement field = waitFor(by);
		field.clear();
		field.sendKeys(text);
	}

	void select(By by, String value) {
		new Select(waitFor(by)).selectByValue(value);
	}

	/**
	 * Sets a {@code datetime-local} input. Typing into it depends on the browser's locale
	 * format, so the value is set the way the browser's own picker does and the input
	 * event fired.
	 */
	void setDateTime(WebElement input, String localDateTime) {
		script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
				input, localDateTime);
	}

	void setText(WebElement input, String text) {
		input.clear();
		input.sendKeys(text);
	}

	/**
	 * Waits until a script returns {@code true} (e.g. the page has done something it does
	 * on a timer).
	 */
	void waitForScript(String what, String js) {
		waiting().withMessage(() -> "waiting until " + what).until(d -> Boolean.TRUE.equals(script(js)));
	}

	Object script(String js, Object... args) {
		return ((JavascriptExecutor) driver()).executeScript(js, args);
	}

	String text(By by) {
		return waitFor(by).getText();
	}

	/** The negotiation id of the plan page this tab shows. */
	String planId() {
		waitFor(By.id("plan-title-view"));
		return driver().getCurrentUrl().replaceAll(".*#/plan/", "");
	}

	/** The whole page (not just the window), through the DevTools protocol. */
	void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		if (DOCS_SCREENSHOTS != null) {
			Files.createDirectories(DOCS_SCREENSHOTS);
		}
		Map<String, Object> metrics = driver().executeCdpCommand("Page.getLayoutMetrics", Map.of());
		@SuppressWarnings("unchecked")
		Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
		double width = ((Number) size.get("width")).doubleValue();
		double height = Math.min(((Number) size.get("height")).doubleValue(), MAX_SCREENSHOT_HEIGHT);
		Map<String, Object> shot = driver().executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
		byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
		Files.write(SCREENSHOTS.resolve(name + ".png"), png);
		if (DOCS_SCREENSHOTS != null && !name.startsWith("failed-")) {
			Files.write(DOCS_SCREENSHOTS.resolve(name + ".png"), png);
		}
	}

	/**
	 * Waits for a finished download whose name ends with {@code suffix} and returns its
	 * text.
	 */
	String downloaded(String suffix) throws IOException {
		Path[] found = new Path[1];
		waitUntil("a finished *" + suffix + " download in " + downloads, () -> {
			try (Stream<Path> files = Files.list(downloads)) {
				found[0] = files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
				return found[0] != null;
			}
			catch (IOException e) {
				return false;
			}
		});
		return Files.readString(found[0]);
	}

	void clearDownloads() throws IOException {
		try (Stream<Path> files = Files.list(downloads)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
	}

	/**
	 * Form controls on the page that a screen reader could not name (no label, no
	 * aria-label).
	 */
	@SuppressWarnings("unchecked")
	List<String> unlabelledControls() {
		return (List<String>) script(
				"return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]"
						+ ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !(e.tagName === 'BUTTON' && e.textContent.trim()))"
						+ ".map(e => e.outerHTML)");
	}

	/** Console messages that mean the page broke: CSP violations and uncaught errors. */
	List<String> pageErrors() {
		return driver().manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught") || m.contains("SyntaxError"))
			.toList();
	}

}
