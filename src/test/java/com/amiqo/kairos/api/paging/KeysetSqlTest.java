package com.amiqo.kairos.api.paging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeysetSqlTest {

	private static final Instant AT = Instant.parse("2030-05-01T10:00:00.123456Z");

	private static final UUID ID = new UUID(1, 2);

	@Test
	void sqlWhenNoFilterIsInUseHasOnlyTheRequiredPartOrderAndLimit() {
		KeysetSql sql = new KeysetSql("SELECT * FROM t WHERE owner = :owner").bind("owner", ID)
			.andIf(false, "flag")
			.andIfGiven(null, "status", "status = :status")
			.page(null, "t.updated_at", "t.id", 21);

		assertThat(sql.sql().replaceAll("\\s+", " "))
			.isEqualTo("SELECT * FROM t WHERE owner = :owner ORDER BY t.updated_at DESC, t.id DESC LIMIT :limit");
		assertThat(sql.params().getParameterNames()).containsExactlyInAnyOrder("owner", "limit");
		assertThat(sql.params().getValue("limit")).isEqualTo(21);
	}

	@Test
	void sqlWhenFiltersAndPositionAreGivenAddsThemAndBindsInstantsAsTimestamps() {
		KeysetSql sql = new KeysetSql("SELECT * FROM t WHERE owner = :owner").bind("owner", ID)
			.andIf(true, "flag")
			.andIfGiven(AT, "after", "t.starts_at > :after")
			.page(new PageCursors.Position(AT, ID), "t.updated_at", "t.id", 6);

		assertThat(sql.sql().replaceAll("\\s+", " ")).isEqualTo("SELECT * FROM t WHERE owner = :owner AND flag"
				+ " AND t.starts_at > :after AND (t.updated_at, t.id) < (:afterUpdatedAt, :afterId)"
				+ " ORDER BY t.updated_at DESC, t.id DESC LIMIT :limit");
		assertThat(sql.params().getValue("after")).isEqualTo(Timestamp.from(AT));
		assertThat(sql.params().getValue("afterUpdatedAt")).isEqualTo(Timestamp.from(AT));
		assertThat(sql.params().getValue("afterId")).isEqualTo(ID);
	}

}
