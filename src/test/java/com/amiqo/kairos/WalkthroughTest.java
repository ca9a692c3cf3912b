package com.amiqo.kairos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import com.amiqo.kairos.support.StandaloneApp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs every walkthrough in README.md and docs/*.md against a freshly started service, as
 * a newcomer would paste it: a {@code bash} block right after a
 * {@code <!-- walkthrough -->} line is one walkthrough, run top to bottom with
 * {@code bash -euo pipefail} and {@code KAIROS} pointing at the service. A block fails
 * the test naming its file, line and heading and the command that failed. The service
 * runs on its local defaults (embedded PostgreSQL, local token issuer), on a fresh
 * database, with its public URL set to where it listens, as {@code ./mvnw
 * spring-boot:run} does on port 8080.
 */
class WalkthroughTest {

	static final String MARKER = "<!-- walkthrough -->";

	private static final Pattern FAILED = Pattern.compile("walkthrough failed at line (\\d+): (.*)");

	private static final long TIMEOUT_SECONDS = 120;

	private static StandaloneApp app;

	private static String baseUrl;

	@TempDir
	static Path work;

	@BeforeAll
	static void startService() {
		int port = freePort();
		baseUrl = "http://localhost:" + port;
		app = StandaloneApp.start("PORT=" + port, "KAIROS_PUBLIC_URL=" + baseUrl,
				"kairos.database.embedded.ephemeral=true");
	}

	@AfterAll
	static void stopService() {
		if (app != null) {
			app.close();
		}
	}

	@TestFactory
	Stream<DynamicTest> walkthroughWhenRunAgainstTheServiceSucceeds() throws IOException {
		List<Block> blocks = blocks();
		assertThat(blocks.size()).as("walkthrough blocks in README.md and docs/*.md").isGreaterThanOrEqualTo(5);
		return blocks.stream().map(block -> DynamicTest.dynamicTest(block.name(), () -> run(block)));
	}

	/** Every marked block of README.md and docs/*.md, in file order. */
	static List<Block> blocks() throws IOException {
		List<Path> files = new ArrayList<>();
		files.add(Path.of("README.md"));
		try (Stream<Path> docs = Files.list(Path.of("docs"))) {
			docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
		}
		List<Block> blocks = new ArrayList<>();
		for (Path file : files) {
			blocks.addAll(blocksOf(file, Files.readAllLines(file, StandardCharsets.UTF_8)));
		}
		return blocks;
	}

	static List<Block> blocksOf(Path file, List<String> lines) {
		List<Block> blocks = new ArrayList<>();
		String heading = "";
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.startsWith("#")) {
				heading = line.replaceFirst("^#+\\s*", "");
			}
			if (!line.strip().equals(MARKER)) {
				continue;
			}
			if (i + 1 >= lines.size() || !lines.get(i + 1).strip().equals("```bash")) {
				throw new IllegalStateException(file + ":" + (i + 1) + ": " + MARKER + " must be followed by ```bash");
			}
			int fence = i + 1;
			StringBuilder script = new StringBuilder();
			int end = fence + 1;
			while (end < lines.size() && !lines.get(end).strip().equals("```")) {
				script.append(lines.get(end)).append('\n');
				end++;
			}
			if (end == lines.size()) {
				throw new IllegalStateException(file + ":" + (fence + 1) + ": the walkthrough block is not closed");
			}
			blocks.add(new Block(file, fence + 1, heading, script.toString()));
			i = end;
		}
		return blocks;
	}

	private static void run(Block block) throws IOException, InterruptedException {
		Path directory = Files.createTempDirectory(work, "block");
		Path script = directory.resolve("walkthrough.sh");
		// The trap names the failing command; the block starts on the script's line 2.
		Files.writeString(script,
				"trap 'echo \"walkthrough failed at line $LINENO: $BASH_COMMAND\" >&2' ERR\n" + block.script());
		Path output = directory.resolve("output.txt");
		ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", script.toString())
			.directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().put("KAIROS", baseUrl);
		Process process = builder.start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail(block.name() + " did not finish within " + TIMEOUT_SECONDS + " s. Output:\n"
					+ Files.readString(output));
		}
		String text = Files.readString(output);
		if (process.exitValue() != 0) {
			fail(block.name() + " failed (exit " + process.exitValue() + ")" + failedCommand(block, text)
					+ ". Output:\n" + text);
		}
	}

	private static String failedCommand(Block block, String output) {
		Matcher matcher = FAILED.matcher(output);
		String found = "";
		while (matcher.find()) {
			int scriptLine = Integer.parseInt(matcher.group(1));
			List<String> lines = block.script().lines().toList();
			String source = scriptLine >= 2 && scriptLine - 2 < lines.size() ? lines.get(scriptLine - 2).strip() : "";
			found = " at " + block.file() + ":" + (block.fenceLine() + scriptLine - 1) + ": " + source
					+ "\n  failing command: " + matcher.group(2);
		}
		return found;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * One walkthrough: the line of its opening fence (1-based) and the heading above it.
	 */
	record Block(Path file, int fenceLine, String heading, String script) {

		String name() {
			return file + ":" + fenceLine + " (" + heading + ")";
		}

	}

}
