package com.amiqo.kairos.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged service as the container runs it: a separate process started from the
 * image's files ({@code target/image}) with the image's entrypoint command (both handed
 * over by Maven, see the pom's {@code kairos.image.*}), the image's Java runtime standing
 * in for {@code java}. Only the base image's layer is not the real one.
 */
public final class PackagedApp implements AutoCloseable {

	/** The request id of startup probes, which like Cloud Run's carry no trace. */
	public static final String PROBE_REQUEST_ID = "startup-probe";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(150);

	private final Process process;

	private final int port;

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final List<Thread> readers = new ArrayList<>();

	private PackagedApp(Process process, int port) {
		this.process = process;
		this.port = port;
		readers.add(reader(process.getInputStream()));
		readers.add(reader(process.getErrorStream()));
	}

	/**
	 * The entrypoint command with the image's runtime as {@code java}. Without that
	 * runtime (the build says so when it packages the image), the JDK running the tests
	 * stands in: without the AOT cache, which only the image's JDK build can read, and
	 * ignoring the image's JVM options that this JDK does not know.
	 */
	public static List<String> entrypoint() {
		List<String> command = new ArrayList<>(Arrays.asList(required("kairos.image.entrypoint").split(",")));
		Path java = imageJava();
		if (Files.isExecutable(java)) {
			command.set(0, java.toString());
			return command;
		}
		command.removeIf(argument -> argument.startsWith("-XX:AOTCache="));
		command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add(1, "-XX:+IgnoreUnrecognizedVMOptions");
		return command;
	}

	/**
	 * Whether the image's own Java runtime runs the service (else the tests' JDK stands
	 * in, see {@link #entrypoint()}).
	 */
	public static boolean usesImageJava() {
		return Files.isExecutable(imageJava());
	}

	private static Path imageJava() {
		return Path.of(required("kairos.image.java.home"), "bin", "java");
	}

	/**
	 * Starts the service on a free port with exactly these environment variables (plus
	 * PATH/HOME).
	 */
	public static PackagedApp start(Map<String, String> environment) {
		return start(environment, entrypoint());
	}

	/** The same with another command (the AOT cache's training run). */
	public static PackagedApp start(Map<String, String> environment, List<String> command) {
		int port = freePort();
		ProcessBuilder builder = new ProcessBuilder(command).directory(new java.io.File(required("kairos.image.dir")));
		Map<String, String> env = builder.environment();
		env.keySet().retainAll(List.of("PATH", "HOME", "LANG"));
		env.putAll(environment);
		env.put("PORT", Integer.toString(port));
		env.putIfAbsent("MANAGEMENT_PORT", Integer.toString(freePort()));
		try {
			return new PackagedApp(builder.start(), port);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Waits until {@code GET /health} answers 200, or fails with the process's output.
	 */
	public PackagedApp awaitHealthy() {
		ApiClient api = api();
		try {
			// An exception thrown by the condition (the process exited) ends the wait at
			// once.
			Awaitility.await()
				.atMost(STARTUP_TIMEOUT)
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(100))
				.until(() -> {
					if (!process.isAlive()) {
						throw new IllegalStateException(
								"exited with " + process.exitValue() + ":\n" + String.join("\n", lines));
					}
					try {
						return api.get("/health").header("X-Request-Id", PROBE_REQUEST_ID).send().status() == 200;
					}
					catch (IllegalStateException notListeningYet) {
						return false; // connection refused until Tomcat is up
					}
				});
			return this;
		}
		catch (ConditionTimeoutException e) {
			throw new IllegalStateException("not healthy after " + STARTUP_TIMEOUT + ":\n" + String.join("\n", lines));
		}
	}

	/**
	 * Waits for the process to end on its own (e.g. a refused configuration); its exit
	 * status.
	 */
	public int awaitExit(Duration timeout) {
		try {
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("still running after " + timeout);
			}
			for (Thread reader : readers) {
				reader.join(5_000);
			}
			return process.exitValue();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/**
	 * SIGTERM, as Cloud Run sends it (Process.destroy() would also close the output
	 * pipes).
	 */
	public void terminate() {
		process.toHandle().destroy();
	}

	public ApiClient api() {
		return new ApiClient("http://127.0.0.1:" + port);
	}

	/** Everything the process wrote to stdout and stderr so far, line by line. */
	public List<String> lines() {
		return List.copyOf(lines);
	}

	public long pid() {
		return process.pid();
	}

	@Override
	public void close() {
		saveOutput("packaged-app");
		if (process.isAlive()) {
			process.destroyForcibly();
		}
	}

	private Thread reader(java.io.InputStream stream) {
		Thread reader = new Thread(() -> collect(stream), "packaged-app-output");
		reader.setDaemon(true);
		reader.start();
		return reader;
	}

	private void collect(java.io.InputStream stream) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lines.add(line);
			}
		}
		catch (IOException e) {
			// the process ended
		}
	}

	/**
	 * Keeps the process's output next to the test reports, for when an assertion fails.
	 */
	public void saveOutput(String name) {
		try {
			Path reports = Path.of("target", "failsafe-reports");
			Files.createDirectories(reports);
			Files.write(reports.resolve(name + "-" + process.pid() + ".log"), lines);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String required(String property) {
		String value = System.getProperty(property);
		if (value == null) {
			throw new IllegalStateException(
					property + " is not set: run packaged-jar tests through Maven (./mvnw verify)");
		}
		return value;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
