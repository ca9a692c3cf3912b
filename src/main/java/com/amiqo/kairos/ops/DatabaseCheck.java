package com.amiqo.kairos.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Is the database answering? Probed in the background about once a second (five times a
 * second while it is not) over one dedicated connection (never one of the API pool's, so
 * health never queues behind busy requests), with one-second connect and socket timeouts;
 * {@code GET /health} answers from the last probe at once, and while the probe finds the
 * database away the API's pool refuses at once too ({@link FairDataSource}), so requests
 * fail fast instead of each waiting out the connection timeout. Locally, a failed probe
 * also restarts the embedded PostgreSQL if its process has died.
 */
@Component
class DatabaseCheck implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DatabaseCheck.class);
	static final Duration INTERVAL = Duration.ofSeconds(1);

	private static final int TIMEOUT_SECONDS = 1;

	/**
	 * A probe this old means the prober itself is stuck: do not vouch for the database.
	 */
	private static final Duration STALE_AFTER = Duration.ofSeconds(10);

	/**
	 * While down, the probe runs more often, so requests resume soon after it is back.
	 */
	static final Duration INTERVAL_WHILE_DOWN = Duration.ofMillis(200);

	private final HikariDataSource pool;

	private final @Nullable FairDataSource queue;

	private final @Nullable EmbeddedDatabase embedded;

	private volatile Probe last = new Probe(false, 0);

	private @Nullable ScheduledExecutorService prober;

	private @Nullable Connection connection;

	/**
	 * Takes the pool only for its connection settings (it may be wrapped, e.g. by a
	 * statement counter).
	 */
	DatabaseCheck(DataSource dataSource, ObjectProvider<EmbeddedDatabase> embedded) throws SQLException {
		this.pool = dataSource instanceof HikariDataSource hikari ? hikari : dataSource.unwrap(HikariDataSource.class);
		this.queue = dataSource.isWrapperFor(FairDataSource.class) ? dataSource.unwrap(FairDataSource.class) : null;
		this.embedded = embedded.getIfAvailable();
	}

	boolean isUp() {
		Probe probe = last;
		return probe.up() && System.nanoTime() - probe.atNanos() < STALE_AFTER.toNanos();
	}

	/**
	 * Starts probing. The schedule's future is not kept: probe() handles its own failures
	 * (one escaping would end the schedule) and stop() shuts the executor down.
	 */
	@Override
	@SuppressWarnings("FutureReturnValueIgnored")
	public synchronized void start() {
		probe();
		prober = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "db-health-probe");
			thread.setDaemon(true);
			return thread;
		});
		prober.schedule(this::probeAndReschedule, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * One probe, then the next one: a second later while the database answers,
	 * {@link #INTERVAL_WHILE_DOWN} later while it does not.
	 */
	@SuppressWarnings("FutureReturnValueIgnored")
	private void probeAndReschedule() {
		probe();
		synchronized (this) {
			if (prober != null && !prober.isShutdown()) {
				Duration next = last.up() ? INTERVAL : INTERVAL_WHILE_DOWN;
				prober.schedule(this::probeAndReschedule, next.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
	}

	@Override
	public synchronized void stop() {
		if (prober != null) {
			prober.shutdownNow();
			prober = null;
		}
		if (queue != null) {
			// Shutting down: whatever still runs gets the pool's own answer.
			queue.unreachable(false);
		}
		closeConnection();
	}

	/**
	 * Before the web server starts (and stopped after it): its first {@code /health}
	 * already has a probe to answer from, instead of a 503 until the management server
	 * and everything else of the last phase have started. Every bean is created by then,
	 * so the API is ready.
	 */
	@Override
	public int getPhase() {
		return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2048;
	}

	@Override
	public synchronized boolean isRunning() {
		return prober != null;
	}

	private synchronized void probe() {
		boolean up;
		try {
			if (connection == null) {
				connection = DriverManager.getConnection(pool.getJdbcUrl(), connectionProperties());
			}
			up = connection.isValid(TIMEOUT_SECONDS);
		}
		catch (SQLException | RuntimeException e) {
			up = false;
		}
		if (!up) {
			closeConnection();
			if (embedded != null) {
				embedded.restartIfDied();
			}
		}
		if (last.up() != up) {
			if (up) {
				log.info("Database reachable");
			}
			else {
				log.warn("Database unreachable (health probe failed)");
			}
		}
		// The pool first: once health says "down", requests are already refused at once.
		if (queue != null) {
			queue.unreachable(!up);
		}
		last = new Probe(up, System.nanoTime());
	}

	private Properties connectionProperties() {
		Properties properties = new Properties();
		properties.putAll(pool.getDataSourceProperties());
		if (pool.getUsername() != null) {
			properties.setProperty("user", pool.getUsername());
		}
		if (pool.getPassword() != null) {
			properties.setProperty("password", pool.getPassword());
		}
		// PostgreSQL driver settings, in seconds: a blackholed database costs one second,
		// not minutes.
		properties.setProperty("connectTimeout", Integer.toString(TIMEOUT_SECONDS));
		properties.setProperty("socketTimeout", Integer.toString(TIMEOUT_SECONDS + 1));
		properties.setProperty("loginTimeout", Integer.toString(TIMEOUT_SECONDS + 1));
		properties.setProperty("ApplicationName", "kairos-health-probe");
		return properties;
	}

	private void closeConnection() {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException e) {
				// Already broken; nothing to release.
			}
			connection = null;
		}
	}

	private record Probe(boolean up, long atNanos) {
	}

}
