package com.amiqo.kairos.ops;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.secret.Sha256;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration that has shipped is never edited, not even a comment: Flyway stores each
 * applied migration's checksum and a deployed database refuses to start when a file no
 * longer matches it. A change goes into a new migration; a new one is added here once it
 * ships.
 */
class AppliedMigrationsTest {

	private static final Map<String, String> SHIPPED = Map.of( //
			"V1__app_users.sql", "a70705fa098a3515a04b0b970fcd1110dae5eba3706e331a2b764df0bef7ba67",
			"V2__negotiations_and_events.sql", "6a6a1171ad004c064309368415b2d679814a8b703845a5a8f789b34e5283900d",
			"V3__notifications.sql", "94a1a58fcd557c6f1f7140d4227e1d5e4374c9e17ce7828afde3a6109dec64f7",
			"V4__invites_and_calendar.sql", "210ff52aa7213c80ad6b1c3345732828d10498d4c71b3ea46580606890f30922",
			"V5__list_row_columns.sql", "e8ae3a89fd2d857c3253118aa5fa703aa15e4e1135189b3fd1c65eaa3ee17fcf");

	@Test
	void migrationsWhenShippedAreUnchanged() throws IOException {
		for (Map.Entry<String, String> shipped : SHIPPED.entrySet()) {
			try (InputStream file = getClass().getResourceAsStream("/db/migration/" + shipped.getKey())) {
				assertThat(file).as(shipped.getKey()).isNotNull();
				assertThat(HexFormat.of().formatHex(Sha256.newDigest().digest(file.readAllBytes())))
					.as(shipped.getKey() + " changed after it shipped")
					.isEqualTo(shipped.getValue());
			}
		}
	}

}
