package com.amiqo.kairos.ops;

import java.io.IOException;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import com.amiqo.kairos.ops.KairosProperties.DatabaseMode;

/**
 * One Hikari pool, pointed at {@code DATABASE_URL} or, when that is unset, at the
 * embedded PostgreSQL. Pool settings come from {@code spring.datasource.hikari.*}.
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

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(KairosProperties kairos, ObjectProvider<EmbeddedDatabase> embedded) {
		KairosProperties.Database properties = kairos.database();
		HikariDataSource dataSource = new HikariDataSource();
		// Lets a JDBC batch of inserts (participants, options, events) travel as one
		// multi-row statement.
		dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
		if (properties.mode() == DatabaseMode.EMBEDDED) {
			dataSource.setJdbcUrl(embedded.getObject().jdbcUrl());
			dataSource.setUsername("postgres");
		}
		else {
			dataSource.setJdbcUrl(properties.url());
			dataSource.setUsername(properties.username());
			dataSource.setPassword(properties.password());
		}
		return dataSource;
	}

	static class NoDatabaseUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return KairosProperties.databaseModeOf(context.getEnvironment()) == DatabaseMode.EMBEDDED;
		}

	}

}
