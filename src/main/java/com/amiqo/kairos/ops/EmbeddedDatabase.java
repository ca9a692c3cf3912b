package com.amiqo.kairos.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup PostgreSQL: real Postgres binaries (from Maven Central) run as a child
 * process. Used when no {@code DATABASE_URL} is given; never in production (startup
 * refuses it there). It keeps one port for its whole life so that it can be stopped and
 * started again under a live connection pool, which is how the health check's outage
 * handling is tested.
 */
class EmbeddedDatabase implements AutoCloseable {

	/**
	 * Present only on the classpath of local runs and tests, never in the packaged jar.
	 */
	static final String LIBRARY_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	/**
	 * How long a server may take to accept connections. The library's 10 s is not always
	 * enough on a busy two-core machine starting several servers (a test run's contexts);
	 * a restart after a crash keeps the 10 s, since the next probe retries it.
	 */
	private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

	private static final Duration RESTART_WAIT = Duration.ofSeconds(10);

	private final Path dataDirectory;

	private final boolean ephemeral;

	private int port;

	private @Nullable EmbeddedPostgres postgres;

	/**
	 * Started and not stopped on purpose: if the server is gone then, it died and is
	 * restarted.
	 */
	private boolean wanted;

	EmbeddedDatabase(KairosProperties.Embedded settings) throws IOException {
		this.ephemeral = settings.ephemeral();
		this.dataDirectory = ephemeral ? Files.createTempDirectory("kairos-pg-")
				: Files.createDirectories(settings.dataDirectory().toAbsolutePath());
		start();
	}

	public synchronized void start() throws IOException {
		start(STARTUP_WAIT);
	}

	private void start(Duration wait) throws IOException {
		if (postgres != null) {
			return;
		}
		// No JVM shutdown hook of the library's own: the application context stops the
		// server (close(), after the pool and everything that queries it), so a closing
		// context never finds its database stopped under it by a hook running at the same
		// time, and a server restarted while the JVM exits is not orphaned.
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(wait)
			.setOverrideWorkingDirectory(binariesDirectory().toFile());
		if (port != 0) {
			builder.setPort(port);
		}
		if (ephemeral) {
			// Throwaway data: trade durability for speed.
			Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "off")
				.forEach(builder::setServerConfig);
		}
		try {
			postgres = builder.start();
		}
		catch (IOException | RuntimeException e) {
			throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dataDirectory
					+ " (is another Kairos instance using it? set DATABASE_URL to use your own server)", e);
		}
		port = postgres.getPort();
		wanted = true;
		log.info("Embedded PostgreSQL running on port {} with data in {}", port, dataDirectory);
	}

	public synchronized void stop() throws IOException {
		wanted = false;
		if (postgres != null) {
			postgres.close();
			postgres = null;
		}
	}

	/**
	 * Restarts PostgreSQL when its server process has died (crashed, killed, machine
	 * asleep too long) while the service runs, so local use does not stay at 503 until
	 * the service restarts. A deliberate {@link #stop()} is left alone. Returns whether a
	 * restart was attempted and worked.
	 */
	synchronized boolean restartIfDied() {
		if (!wanted || (postgres != null && serverAlive())) {
			return false;
		}
		log.warn("Embedded PostgreSQL is not running; restarting it on port {}", port);
		if (postgres != null) {
			try {
				postgres.close();
			}
			catch (IOException | RuntimeException e) {
				// Already gone: nothing to shut down.
			}
			postgres = null;
		}
		try {
			start(RESTART_WAIT);
			return true;
		}
		catch (IOException | RuntimeException e) {
			// Left-over backends of a killed server can hold on for a moment; the next
			// probe retries.
			log.warn("Embedded PostgreSQL did not restart yet: {}", e.getClass().getSimpleName());
			return false;
		}
	}

	/**
	 * The server's process, as named in its {@code postmaster.pid}; empty when none is
	 * running.
	 */
	java.util.Optional<ProcessHandle> serverProcess() {
		try {
			String pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip();
			return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
		}
		catch (IOException | RuntimeException e) {
			return java.util.Optional.empty();
		}
	}

	private boolean serverAlive() {
		return serverProcess().isPresent();
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port + "/postgres";
	}

	@Override
	public void close() throws IOException {
		stop();
		if (ephemeral) {
			try (Stream<Path> files = Files.walk(dataDirectory)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	/** Per-user, so binaries unpacked by one account never block another. */
	private static Path binariesDirectory() {
		return Path.of(System.getProperty("java.io.tmpdir"), "kairos-embedded-pg-" + System.getProperty("user.name"));
	}

}
