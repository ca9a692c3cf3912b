package com.amiqo.kairos.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import com.amiqo.kairos.api.error.DatabaseFailures;
import com.amiqo.kairos.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A transaction whose connection the database ends mid-way (as a server shutting down
 * does): the statement's failure is what comes out, a database-unavailable failure (a
 * retryable 503), not the failure of rolling back on a connection that is gone, and
 * nothing logs the original exception at ERROR.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseTransactionManagerTest extends ApiTest {

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@Test
	void transactionWhoseSessionTheServerEndsFailsAsUnavailableWithoutARollbackFailure(CapturedOutput output) {
		Throwable failure = catchThrowable(() -> transactions.executeWithoutResult(status -> {
			int pid = jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single();
			terminate(pid);
			jdbc.sql("SELECT 1").query(Integer.class).single();
		}));

		assertThat(failure).as(() -> describe(failure)).isNotNull().isNotInstanceOf(TransactionSystemException.class);
		assertThat(DatabaseFailures.unavailable(failure)).as(String.valueOf(failure)).isTrue();
		assertThat(output.getAll()).doesNotContain("Application exception overridden by rollback exception");
		assertThat(jdbc.sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);
	}

	private static String describe(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause : com.amiqo.kairos.api.error.Causes.chain(failure)) {
			text.append(cause.getClass().getName())
				.append(cause instanceof java.sql.SQLException sql ? " " + sql.getSQLState() : "")
				.append(": ")
				.append(cause.getMessage())
				.append(" <- ");
		}
		return text.toString();
	}

	private void terminate(int pid) {
		try (Connection other = dataSource.getConnection();
				PreparedStatement statement = other.prepareStatement("SELECT pg_terminate_backend(?)")) {
			statement.setInt(1, pid);
			statement.execute();
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}

}
