package com.amiqo.kairos.ops;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Is the database answering? A pooled connection that passes a 1-second validity check says yes. */
@Component
class DatabaseCheck {

    private static final Logger log = LoggerFactory.getLogger(DatabaseCheck.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 1;

    private final DataSource dataSource;

    DatabaseCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    boolean isUp() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            log.warn("Database health check failed: {}", e.getClass().getSimpleName());
            return false;
        }
    }
}
