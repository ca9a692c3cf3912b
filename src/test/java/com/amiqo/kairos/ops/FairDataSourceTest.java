package com.amiqo.kairos.ops;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.amiqo.kairos.support.QuietApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@link FairDataSource}: connections in arrival order, every permit given back exactly
 * once, a bounded wait, and the application's {@code DataSource} being this queue in
 * front of Hikari. Small pools of their own against the test database, so the shared pool
 * is never drained.
 */
class FairDataSourceTest extends QuietApiTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	MeterRegistry meters;

	@Test
	void getConnectionWhenSomeoneIsWaitingServesThemBeforeANewcomer() throws Exception {
		try (FairDataSource fair = pool(1, Duration.ofSeconds(10))) {
			List<String> order = new CopyOnWriteArrayList<>();
			Connection first = fair.getConnection();
			CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
				try (Connection connection = fair.getConnection()) {
					order.add("waiter");
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			await().atMost(Duration.ofSeconds(10)).until(() -> fair.waiting() == 1);

			// Give the connection back and ask again at once: Hikari alone may hand it to
			// this newcomer before the waiter takes it.
			first.close();
			try (Connection again = fair.getConnection()) {
				order.add("newcomer");
			}
			waiter.get(10, TimeUnit.SECONDS);

			assertThat(order).containsExactly("waiter", "newcomer");
		}
	}

	@Test
	void getConnectionWhenManyQueueServesThemInArrivalOrder() throws Exception {
		// One connection, so each caller records its turn while it alone holds it.
		try (FairDataSource fair = pool(1, Duration.ofSeconds(10))) {
			List<Integer> order = new CopyOnWriteArrayList<>();
			Connection held = fair.getConnection();
			List<CompletableFuture<Void>> callers = new java.util.ArrayList<>();
			for (int i = 0; i < 6; i++) {
				int caller = i;
				callers.add(CompletableFuture.runAsync(() -> {
					try (Connection connection = fair.getConnection()) {
						order.add(caller);
					}
					catch (Exception e) {
						throw new IllegalStateException(e);
					}
				}, runnable -> new Thread(runnable).start()));
				await().atMost(Duration.ofSeconds(10)).until(() -> fair.waiting() == caller + 1);
			}

			held.close();
			CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

			assertThat(order).containsExactly(0, 1, 2, 3, 4, 5);
			assertThat(fair.available()).isEqualTo(1);
		}
	}

	@Test
	void closeWhenCalledTwiceGivesThePermitBackOnce() throws Exception {
		try (FairDataSource fair = pool(2, Duration.ofSeconds(10))) {
			Connection connection = fair.getConnection();
			assertThat(fair.available()).isEqualTo(1);

			connection.close();
			connection.close();

			assertThat(fair.available()).isEqualTo(2);
			assertThat(connection.isClosed()).isTrue();
			try (Connection other = fair.getConnection()) {
				assertThat(other).isNotEqualTo(connection);
				assertThat(java.util.Set.of(other)).contains(other);
			}
		}
	}

	@Test
	void getConnectionWhenNoneComesBackInTimeFailsLikeHikariAndTakesNoPermit() throws Exception {
		try (FairDataSource fair = pool(1, Duration.ofMillis(300))) {
			Connection held = fair.getConnection();
			long started = System.nanoTime();

			assertThatThrownBy(fair::getConnection).isInstanceOf(SQLTransientConnectionException.class)
				.hasMessageContaining("request timed out after 300ms");

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250),
					Duration.ofSeconds(5));
			assertThat(fair.waiting()).isZero();
			held.close();
			assertThat(fair.available()).isEqualTo(1);
		}
	}

	@Test
	void getConnectionWhenThePoolFailsGivesThePermitBack() {
		HikariDataSource unreachable = new HikariDataSource();
		unreachable.setJdbcUrl("jdbc:postgresql://127.0.0.1:9/nothing");
		unreachable.setMaximumPoolSize(2);
		unreachable.setConnectionTimeout(250);
		unreachable.setInitializationFailTimeout(-1);
		try (FairDataSource fair = new FairDataSource(unreachable)) {
			for (int i = 0; i < 3; i++) {
				assertThatThrownBy(fair::getConnection).isInstanceOf(SQLTransientConnectionException.class);
			}

			assertThat(fair.available()).isEqualTo(2);
		}
	}

	@Test
	void applicationDataSourceIsTheQueueInFrontOfHikariWithItsGauge() throws Exception {
		HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
		// spring.datasource.hikari.* bound (application.yaml's values, not Hikari's
		// defaults).
		assertThat(hikari.getPoolName()).isEqualTo("kairos");
		assertThat(hikari.getConnectionTimeout()).isEqualTo(3000);
		assertThat(hikari.getValidationTimeout()).isEqualTo(1000);
		assertThat(dataSource.unwrap(FairDataSource.class).available()).isEqualTo(hikari.getMaximumPoolSize());
		assertThat(meters.get("kairos.database.waiting").gauge().value()).isZero();
	}

	private FairDataSource pool(int size, Duration timeout) throws Exception {
		HikariDataSource shared = dataSource.unwrap(HikariDataSource.class);
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(shared.getJdbcUrl());
		pool.setUsername(shared.getUsername());
		pool.setPassword(shared.getPassword());
		pool.setMaximumPoolSize(size);
		pool.setConnectionTimeout(timeout.toMillis());
		return new FairDataSource(pool);
	}

}
