package com.amiqo.kairos.ops;

import java.io.IOException;
import java.sql.SQLException;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import com.amiqo.kairos.ops.KairosProperties.DatabaseMode;

/**
 * One Hikari pool, pointed at {@code DATABASE_URL} or, when that is unset, at the
 * embedded PostgreSQL, and handing out its connections in arrival order
 * ({@link FairDataSource}). Pool settings come from {@code spring.datasource.hikari.*}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	/**
	 * The packaged jar has no embedded PostgreSQL (startup then demands DATABASE_URL, see
	 * StartupSettingsCheck).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = EmbeddedDatabase.LIBRARY_CLASS)
	static class Embedded {

		@Bean(destroyMethod = "close")
		@Conditional(NoDatabaseUrl.class)
		EmbeddedDatabase embeddedDatabase(KairosProperties properties) throws IOException {
			return new EmbeddedDatabase(properties.database().embedded());
		}

	}

	/**
	 * The application's one {@code DataSource}: the Hikari pool, bound to
	 * {@code spring.datasource.hikari.*}, behind {@link FairDataSource}'s queue.
	 */
	@Bean(destroyMethod = "close")
	FairDataSource dataSource(KairosProperties kairos, ObjectProvider<EmbeddedDatabase> embedded,
			Environment environment) {
		KairosProperties.Database properties = kairos.database();
		HikariDataSource pool = new HikariDataSource();
		Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
		// Lets a JDBC batch of inserts (participants, options, events) travel as one
		// multi-row statement.
		pool.addDataSourceProperty("reWriteBatchedInserts", "true");
		if (properties.mode() == DatabaseMode.EMBEDDED) {
			pool.setJdbcUrl(embedded.getObject().jdbcUrl());
			pool.setUsername("postgres");
		}
		else {
			pool.setJdbcUrl(properties.url());
			pool.setUsername(properties.username());
			pool.setPassword(properties.password());
		}
		return new FairDataSource(pool);
	}

	/**
	 * Transactions over the one data source; a rollback on a lost connection counts as
	 * done ({@link DatabaseTransactionManager}).
	 */
	@Bean
	DatabaseTransactionManager transactionManager(DataSource dataSource) {
		return new DatabaseTransactionManager(dataSource);
	}

	/**
	 * How many callers wait for a connection (Hikari's own pending count stays near 0).
	 */
	@Bean
	MeterBinder databaseQueue(DataSource dataSource) throws SQLException {
		FairDataSource queue = dataSource.unwrap(FairDataSource.class);
		return registry -> Gauge.builder("kairos.database.waiting", queue, FairDataSource::waiting)
			.description("Callers waiting for a database connection, first come, first served")
			.register(registry);
	}

	static class NoDatabaseUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return KairosProperties.databaseModeOf(context.getEnvironment()) == DatabaseMode.EMBEDDED;
		}

	}

}
