package com.amiqo.kairos.api.openapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.amiqo.kairos.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client developer meets, checked with the tools they use, on the document this
 * server serves: Redocly CLI's recommended rules and Spectral's {@code spectral:oas}
 * rules report nothing (rules switched off only in the ruleset files, each with its
 * reason), and OpenAPI Generator's {@code typescript-fetch} client compiles with
 * {@code tsc --strict} together with a small program that reads {@code error.code},
 * filters the list by several states and sends {@code If-Match}. The npm tools are pinned
 * by {@code src/test/openapi/package-lock.json} and installed with {@code npm ci} into
 * {@code target/openapi-tools}; the generator jar is copied there by the build.
 */
class OpenApiClientCheckTest extends ApiTest {

	private static final Path SOURCES = Path.of("src/test/openapi");

	private static final Path TOOLS = Path.of("target/openapi-tools");

	private static final Path WORK = Path.of("target/openapi-check");

	private static Path document = WORK.resolve("openapi.json");

	@BeforeAll
	static void installTools() throws Exception {
		Files.createDirectories(TOOLS);
		Path lock = SOURCES.resolve("package-lock.json");
		Path installed = TOOLS.resolve("package-lock.json");
		boolean current = Files.exists(TOOLS.resolve("node_modules")) && Files.exists(installed)
				&& Files.mismatch(lock, installed) == -1;
		if (!current) {
			Files.copy(SOURCES.resolve("package.json"), TOOLS.resolve("package.json"),
					StandardCopyOption.REPLACE_EXISTING);
			Files.copy(lock, installed, StandardCopyOption.REPLACE_EXISTING);
			run(TOOLS, 300, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error");
		}
	}

	private Path fetchDocument() throws IOException {
		Files.createDirectories(WORK);
		String json = api.get("/v3/api-docs").send().raw();
		Files.writeString(document, json);
		return document;
	}

	@Test
	void documentPassesRedoclyRecommendedRulesWhenLinted() throws Exception {
		Path docs = fetchDocument().toAbsolutePath();
		Result result = run(TOOLS, 180, bin("redocly"), "lint", "--config",
				SOURCES.resolve("redocly.yaml").toAbsolutePath().toString(), "--format", "stylish", docs.toString());

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).as(result.output())
			.contains("Woohoo! Your API description is valid.")
			.doesNotContain("You have ");
	}

	@Test
	void documentPassesSpectralOasRulesWhenLinted() throws Exception {
		Path docs = fetchDocument().toAbsolutePath();
		Result result = run(TOOLS, 180, bin("spectral"), "lint", "--ruleset",
				SOURCES.resolve("spectral.yaml").toAbsolutePath().toString(), "--fail-severity", "warn",
				"--display-only-failures", docs.toString());

		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).as(result.output()).doesNotContain("warning", "error");
	}

	@Test
	void generatedTypescriptClientCompilesStrictlyWithAProgramUsingIt() throws Exception {
		Path docs = fetchDocument().toAbsolutePath();
		Path client = WORK.resolve("typescript").toAbsolutePath();
		deleteRecursively(client);
		Files.createDirectories(client);
		Result generated = run(WORK, 300, "java", "-jar",
				TOOLS.resolve("openapi-generator-cli.jar").toAbsolutePath().toString(), "generate", "-g",
				"typescript-fetch", "-i", docs.toString(), "-o", client.resolve("generated").toString(),
				"--additional-properties=supportsES6=true,stringEnums=true");
		assertThat(generated.exitCode()).as(generated.output()).isZero();
		Files.copy(SOURCES.resolve("client-check.ts"), client.resolve("client-check.ts"),
				StandardCopyOption.REPLACE_EXISTING);
		Files.copy(SOURCES.resolve("tsconfig.json"), client.resolve("tsconfig.json"),
				StandardCopyOption.REPLACE_EXISTING);

		Result compiled = run(client, 180, bin("tsc"), "-p", "tsconfig.json");

		assertThat(compiled.exitCode()).as(compiled.output()).isZero();
	}

	private static String bin(String tool) {
		return TOOLS.resolve("node_modules/.bin").resolve(tool).toAbsolutePath().toString();
	}

	private record Result(int exitCode, String output) {
	}

	private static Result run(Path directory, int timeoutSeconds, String... command)
			throws IOException, InterruptedException {
		Path log = Files.createTempFile("openapi-check", ".log");
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError(String.join(" ", command) + " took over " + timeoutSeconds + " s");
			}
			return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	private static void deleteRecursively(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		List<Path> paths = new ArrayList<>();
		try (var walk = Files.walk(root)) {
			walk.forEach(paths::add);
		}
		for (int i = paths.size() - 1; i >= 0; i--) {
			Files.delete(paths.get(i));
		}
	}

}
