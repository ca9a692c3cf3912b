package com.amiqo.kairos.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.slf4j.MDC;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.amiqo.kairos.api.http.RequestIds;

/**
 * Counts the SQL statements each request sends to the database, keyed by the request id
 * (which the server keeps in the logging context of the thread that runs the statements).
 * A JDBC batch counts once: with the driver's batch rewriting it is one multi-row
 * statement on the wire. Each statement is kept as its SQL text (parameters stay
 * placeholders), so tests can tell which table it wrote. The caller's profile lookup is
 * left out: whether a request makes it depends only on whether the user is in the
 * instance's profile cache (user/UserService), not on what the request does.
 *
 * <p>
 * Every {@link ApiTest} context has it, so counting needs no context of its own; only
 * requests sent with an id from {@link #newRequestId()} are recorded, so the rest of the
 * suite leaves nothing behind.
 */
public final class StatementCounter implements QueryExecutionListener {

	private static final Map<String, List<String>> BY_REQUEST = new ConcurrentHashMap<>();

	private static final String PROFILE_LOOKUP = "FROM app_users WHERE firebase_uid = ?";

	private static final String COUNTED = "counted-";

	/** An {@code X-Request-Id} whose statements are recorded. */
	public static String newRequestId() {
		return COUNTED + UUID.randomUUID();
	}

	public static List<String> statementsOf(String requestId) {
		return BY_REQUEST.getOrDefault(requestId, List.of());
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		String requestId = MDC.get(RequestIds.MDC_KEY);
		if (requestId != null && requestId.startsWith(COUNTED) && !queries.isEmpty()
				&& !queries.get(0).getQuery().contains(PROFILE_LOOKUP)) {
			BY_REQUEST.computeIfAbsent(requestId, id -> new CopyOnWriteArrayList<>())
				.add(queries.get(0).getQuery().strip().replaceAll("\\s+", " "));
		}
	}

	/** Wraps the application's DataSource so every statement passes the counter. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof DataSource dataSource && beanName.equals("dataSource")) {
						return ProxyDataSourceBuilder.create(dataSource).listener(new StatementCounter()).build();
					}
					return bean;
				}
			};
		}

	}

}
