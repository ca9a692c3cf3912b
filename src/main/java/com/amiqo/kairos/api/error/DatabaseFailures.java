package com.amiqo.kairos.api.error;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that cannot be reached from a fault of ours. Whichever wrapper Spring,
 * Hikari or the driver puts around it (no connection to be had, a connection that broke
 * mid-statement, a rollback or commit on a connection that is gone, a server shutting
 * down), the answer is the same retryable {@code 503}.
 */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	public static boolean unavailable(Throwable failure) {
		for (Throwable cause : Causes.chain(failure)) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof TransactionSystemException || cause instanceof QueryTimeoutException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof RecoverableDataAccessException) {
				return true;
			}
		}
		return connectionLost(failure);
	}

	/**
	 * Whether the driver or the pool says the connection itself is gone (or could not be
	 * had), beneath whatever wraps it.
	 */
	public static boolean connectionLost(Throwable failure) {
		for (Throwable cause : Causes.chain(failure)) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException || cause instanceof ConnectException) {
				return true;
			}
			if (cause instanceof SQLException sql && connectionLost(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * SQLSTATE class 08 (connection exception), 57P01–57P03 (the server is shutting down
	 * or starting) and 53300 (no connection slot free).
	 */
	private static boolean connectionLost(@Nullable String state) {
		return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
				|| state.equals("57P03") || state.equals("53300"));
	}

}
