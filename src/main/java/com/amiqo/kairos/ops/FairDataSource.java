package com.amiqo.kairos.ops;

import java.io.Closeable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out the Hikari pool's connections first come, first served. Hikari lets a caller
 * that arrives just as a connection comes back take it ahead of the callers already
 * waiting, and a waiter that loses that race waits again, so under load a few requests
 * wait many times longer than the rest. This queue trades a little throughput at
 * saturation (every request that finds the pool busy parks and is woken in turn) for a
 * much shorter tail; below saturation nobody waits and a permit costs one atomic update.
 * The measurements are in docs/performance.md.
 * <p>
 * A fair semaphore holds one permit per pooled connection: a caller takes a permit, in
 * arrival order, before it borrows, and gives it back when it closes the connection, so a
 * permit holder finds a free connection at once and the queue forms here, in order. The
 * wait for a permit is bounded by the pool's connection timeout and fails the way
 * Hikari's does ({@link SQLTransientConnectionException}, a 503 for the API); Hikari's
 * own wait then only applies while connections cannot be made (the database away).
 */
final class FairDataSource extends DelegatingDataSource implements Closeable {

	private final HikariDataSource pool;

	private final Semaphore permits;

	private final long timeoutMillis;

	/** The pool's configured minimum of idle connections, lifted during an outage. */
	private final int minimumIdle;

	FairDataSource(HikariDataSource pool) {
		super(pool);
		this.pool = pool;
		this.permits = new Semaphore(pool.getMaximumPoolSize(), true);
		this.timeoutMillis = pool.getConnectionTimeout();
		this.minimumIdle = pool.getMinimumIdle() < 0 ? pool.getMaximumPoolSize() : pool.getMinimumIdle();
	}

	/**
	 * Set by the background database probe ({@link DatabaseCheck}): while it finds the
	 * database unreachable, a caller is refused at once (a {@code 503} for the API)
	 * instead of waiting the whole connection timeout for a connection that cannot be
	 * made. The next probe that reaches the database lifts it.
	 */
	private volatile boolean unreachable;

	/** Callers inside {@link #getConnection}, waiting for a permit or for Hikari. */
	private final Set<Waiter> waiters = new HashSet<>();

	/**
	 * A caller waiting for a connection; {@code cut} once the probe has interrupted it.
	 * Both fields are guarded by {@link #waiters}.
	 */
	private static final class Waiter {

		private final Thread thread = Thread.currentThread();

		private boolean cut;

	}

	/**
	 * The probe's finding. When it turns to unreachable, callers already waiting for a
	 * connection (for a permit here, or inside Hikari while it cannot make one) are cut
	 * short too: each is interrupted once, and {@link #getConnection} turns that into the
	 * same refusal and clears the interrupt before it returns, so nothing else on that
	 * thread sees it. Only threads registered as waiting here are ever interrupted, and
	 * only while they are registered. Idle pooled connections are evicted at the same
	 * time: they belong to sessions the database has ended.
	 */
	synchronized void unreachable(boolean unreachable) {
		boolean turnedDown = unreachable && !this.unreachable;
		boolean turnedUp = !unreachable && this.unreachable;
		this.unreachable = unreachable;
		if (turnedDown) {
			synchronized (waiters) {
				for (Waiter waiter : waiters) {
					if (!waiter.cut) {
						waiter.cut = true;
						waiter.thread.interrupt();
					}
				}
			}
			HikariPoolMXBean hikari = pool.getHikariPoolMXBean();
			if (hikari != null) {
				hikari.softEvictConnections();
			}
			// Hikari keeps trying to refill the pool up to its minimum, backing off up to
			// 5 s between attempts; at the end of an outage its next attempt could then
			// be seconds away while requests wait. With no minimum and nobody waiting
			// (everyone is refused here) it stops trying, and the first request after
			// the outage starts a fresh attempt at once.
			pool.getHikariConfigMXBean().setMinimumIdle(0);
		}
		if (turnedUp) {
			pool.getHikariConfigMXBean().setMinimumIdle(minimumIdle);
		}
	}

	@Override
	public Connection getConnection() throws SQLException {
		refuseWhileUnreachable();
		Waiter waiter = new Waiter();
		synchronized (waiters) {
			waiters.add(waiter);
		}
		Connection connection;
		try {
			connection = borrow();
		}
		catch (SQLException | RuntimeException e) {
			if (leave(waiter)) {
				SQLTransientConnectionException refused = unreachableNow();
				refused.initCause(e);
				throw refused;
			}
			throw e;
		}
		// Cut just as the connection came: it is used anyway (a statement on it fails
		// fast if its session is gone).
		leave(waiter);
		return connection;
	}

	/**
	 * Takes the caller off the waiting list; true if the probe cut it short, whose
	 * interrupt is then cleared here.
	 */
	private boolean leave(Waiter waiter) {
		synchronized (waiters) {
			waiters.remove(waiter);
			if (waiter.cut) {
				Thread.interrupted();
				return true;
			}
			return false;
		}
	}

	private Connection borrow() throws SQLException {
		awaitTurn();
		try {
			refuseWhileUnreachable();
			return givingBackOnClose(pool.getConnection());
		}
		catch (SQLException | RuntimeException e) {
			permits.release();
			throw e;
		}
	}

	/** Callers waiting for a connection (the {@code kairos.database.waiting} gauge). */
	int waiting() {
		return permits.getQueueLength();
	}

	/** Permits not taken: the pool's size when nobody holds a connection. */
	int available() {
		return permits.availablePermits();
	}

	@Override
	public void close() {
		pool.close();
	}

	private void refuseWhileUnreachable() throws SQLTransientConnectionException {
		if (unreachable) {
			throw unreachableNow();
		}
	}

	private SQLTransientConnectionException unreachableNow() {
		return new SQLTransientConnectionException(
				pool.getPoolName() + " - the database is unreachable (background probe)", "08001");
	}

	private void awaitTurn() throws SQLException {
		try {
			if (!permits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
				throw new SQLTransientConnectionException(
						pool.getPoolName() + " - Connection is not available, request timed out after " + timeoutMillis
								+ "ms (first come, first served)");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new SQLTransientConnectionException(pool.getPoolName() + " - interrupted while waiting", e);
		}
	}

	/**
	 * The connection as its user sees it; its first {@code close} (which returns it to
	 * Hikari) also gives the permit back, later ones do not.
	 */
	private Connection givingBackOnClose(Connection connection) {
		AtomicBoolean open = new AtomicBoolean(true);
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("equals")) {
						return proxy == args[0];
					}
					if (method.getName().equals("hashCode")) {
						return System.identityHashCode(proxy);
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException e) {
						throw e.getCause();
					}
					finally {
						if (method.getName().equals("close") && open.compareAndSet(true, false)) {
							permits.release();
						}
					}
				});
	}

}
