package com.amiqo.kairos.api.error;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * However a lost database surfaces, the answer is a retryable 503 with
 * {@code Retry-After}, and what is logged names the exception types without their
 * messages.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseFailuresTest {

	private final ApiExceptionHandler handler = new ApiExceptionHandler(
			new ErrorResponseWriter(JsonMapper.builder().build(), new SimpleMeterRegistry()));

	@Test
	void unavailableWhenTheConnectionIsLostBeneathAnyWrapperIsTrue() {
		SQLException closed = new SQLException("This connection has been closed. secret-sql", "08003");
		assertThat(DatabaseFailures.unavailable(new TransactionSystemException("JDBC rollback failed", closed)))
			.isTrue();
		assertThat(DatabaseFailures.unavailable(new UncategorizedSQLException("task", "SELECT 1", closed))).isTrue();
		assertThat(DatabaseFailures.unavailable(new RuntimeException(new SQLException("shutdown", "57P01")))).isTrue();
		assertThat(DatabaseFailures.unavailable(
				new CannotGetJdbcConnectionException("no connection", new SQLTransientConnectionException("x"))))
			.isTrue();
		assertThat(DatabaseFailures.connectionLost(new TransactionSystemException("rollback failed"))).isFalse();
	}

	@Test
	void unavailableForOtherFailuresIsFalse() {
		assertThat(DatabaseFailures.unavailable(new IllegalStateException("bug"))).isFalse();
		assertThat(DatabaseFailures
			.unavailable(new DataIntegrityViolationException("dup", new SQLException("duplicate key", "23505"))))
			.isFalse();
	}

	@Test
	void transactionSystemExceptionWithACauseIsA503WithRetryAfterAndNoMessageInTheLog(CapturedOutput output)
			throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		TransactionSystemException failure = new TransactionSystemException("Could not roll back secret-one",
				new SQLException("An I/O error occurred secret-two", "08006"));

		handler.unexpected(failure, response);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(response.getContentAsString()).contains("SERVICE_UNAVAILABLE").doesNotContain("secret");
		assertThat(output.getAll()).contains("Database unavailable").doesNotContain("secret");
	}

	@Test
	void databaseUnavailableHandlerAnswers503WithRetryAfter() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();

		handler.databaseUnavailable(new TransactionSystemException("rollback failed"), response);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
	}

	/**
	 * Every failure with a cause used to make the copy throw ("Can't overwrite cause"),
	 * so the handler's own line was never written and the original, messages and all,
	 * reached the log instead.
	 */
	@Test
	void unexpectedFailureWithACauseChainIsLoggedWithoutMessagesAndAnswered500(CapturedOutput output) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		IllegalStateException failure = new IllegalStateException("outer secret-three",
				new IllegalArgumentException("middle secret-four", new ArithmeticException("inner secret-five")));

		handler.unexpected(failure, response);

		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(output.getAll()).contains("Unhandled exception")
			.contains("java.lang.IllegalStateException (message withheld from the log)")
			.contains("Caused by: ")
			.contains("java.lang.ArithmeticException (message withheld from the log)")
			.doesNotContain("secret");
	}

	@Test
	void withoutMessagesKeepsEveryCauseInOrder() {
		Throwable copy = LoggedThrowables.withoutMessages(
				new IllegalStateException("a", new IllegalArgumentException("b", new ArithmeticException("c"))));

		assertThat(Causes.chain(copy)).extracting(Throwable::getMessage)
			.containsExactly("java.lang.IllegalStateException (message withheld from the log)",
					"java.lang.IllegalArgumentException (message withheld from the log)",
					"java.lang.ArithmeticException (message withheld from the log)");
	}

}
