package com.amiqo.kairos.negotiation.sql;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.negotiation.domain.Negotiation;
import com.amiqo.kairos.negotiation.domain.NegotiationState;
import com.amiqo.kairos.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ties the overdue rule's SQL (used by the list filter and the sweep) to
 * {@link Negotiation#isOverdue}: PostgreSQL evaluates the predicate for every state
 * around the deadline and must agree with Java.
 */
class NegotiationOverdueSqlTest extends ApiTest {

	@Test
	void overdueSqlWhenEvaluatedInPostgresAgreesWithJavaRuleForEveryStateAndDeadline() {
		Instant now = Instant.parse("2026-06-01T12:00:00Z");
		String predicate = Negotiation.overdueSql("CAST(:state AS text)", "CAST(:expiresAt AS timestamptz)");
		List<Instant> deadlines = List.of(now.minus(Duration.ofSeconds(1)), now, now.plus(Duration.ofSeconds(1)));
		int overdueCases = 0;
		for (NegotiationState state : NegotiationState.values()) {
			for (Instant expiresAt : deadlines) {
				Boolean inSql = jdbc.sql("SELECT " + predicate)
					.param("state", state.value())
					.param("expiresAt", Timestamp.from(expiresAt))
					.param("now", Timestamp.from(now))
					.query(Boolean.class)
					.single();
				boolean inJava = Negotiation.isOverdue(state, expiresAt, now);
				assertThat(inSql).as("%s expiring at %s", state, expiresAt).isEqualTo(inJava);
				overdueCases += inJava ? 1 : 0;
			}
		}
		// Two open states, each overdue one second before and at the deadline.
		assertThat(overdueCases).isEqualTo(4);
	}

}
