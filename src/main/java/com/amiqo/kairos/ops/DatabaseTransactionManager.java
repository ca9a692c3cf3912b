package com.amiqo.kairos.ops;

import java.sql.SQLException;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.amiqo.kairos.api.error.DatabaseFailures;

/**
 * Spring's JDBC transaction manager, except that a rollback on a connection the database
 * is no longer at counts as done: PostgreSQL discards an uncommitted transaction when its
 * session ends, so there is nothing left to undo. Without this, the rollback's own
 * failure would replace the failure that caused it, and {@code TransactionTemplate} would
 * log that original exception, message and all, at ERROR; with it, the statement's
 * failure reaches the exception handler, which answers a retryable {@code 503}.
 */
class DatabaseTransactionManager extends JdbcTransactionManager {

	private static final Logger log = LoggerFactory.getLogger(DatabaseTransactionManager.class);

	DatabaseTransactionManager(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
		try {
			super.doRollback(status);
		}
		catch (TransactionException | DataAccessException e) {
			if (!DatabaseFailures.connectionLost(e) && !connectionClosed()) {
				throw e;
			}
			log.debug("Rollback skipped: the connection is gone, and its transaction with it");
		}
	}

	/**
	 * Whether the transaction's connection is closed: the pool closes one the moment a
	 * statement on it fails with a connection error, and its rollback then fails with a
	 * bare "Connection is closed".
	 */
	private boolean connectionClosed() {
		if (!(TransactionSynchronizationManager.getResource(obtainDataSource()) instanceof ConnectionHolder holder)) {
			return false;
		}
		try {
			return holder.getConnection().isClosed();
		}
		catch (SQLException e) {
			return true;
		}
		catch (IllegalStateException e) {
			// No connection held: nothing to tell.
			return false;
		}
	}

}
