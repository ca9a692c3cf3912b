package com.amiqo.kairos.ops;

import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V4 on a database that already holds venues: address and coordinates that clients put
 * into {@code metadata} become the typed columns where they are valid; everything else
 * stays as it was.
 */
class VenueBackfillMigrationTest {

	@Test
	void migrateWhenVenuesHoldAddressAndCoordinatesInMetadataCopiesTheValidOnes() throws Exception {
		try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
			Flyway.configure()
				.dataSource(database.getPostgresDatabase())
				.locations("classpath:db/migration")
				.target("2")
				.load()
				.migrate();
			JdbcClient jdbc = JdbcClient.create(database.getPostgresDatabase());
			UUID user = jdbc.sql("INSERT INTO app_users (firebase_uid) VALUES ('old-user') RETURNING id")
				.query(UUID.class)
				.single();
			UUID negotiation = UUID.randomUUID();
			jdbc.sql("""
					INSERT INTO negotiations (id, owner_id, title, intent_category, state, sent, participant_count,
					                          request_fingerprint, created_at, updated_at, expires_at, final_slot_id,
					                          final_venue_id)
					VALUES (?, ?, 'Old', 'coffee', 'confirmed', true, 2, 'x', now(), now(), now(), gen_random_uuid(),
					        '00000000-0000-0000-0000-000000000001')
					""").param(negotiation).param(user).update();
			insertVenue(jdbc, negotiation, user, 1,
					"{\"address\": \"Rosenthaler Str. 1\", \"lat\": 52.52, \"lon\": 13.40}");
			insertVenue(jdbc, negotiation, user, 2, "{\"address\": \"\", \"lat\": 91, \"lon\": \"13.4\", \"x\": 1}");
			insertVenue(jdbc, negotiation, user, 3, null);
			jdbc.sql(
					"""
							INSERT INTO events (id, owner_id, negotiation_id, title, intent_category, status, starts_at, ends_at,
							                    timezone, venue, participants, created_at, updated_at)
							VALUES (gen_random_uuid(), ?, ?, 'Old', 'coffee', 'confirmed', now(), now() + interval '1 hour', 'UTC',
							        '{"name": "Venue 1", "provider_id": null, "metadata": {}}', '[]', now(), now())
							""")
				.param(user)
				.param(negotiation)
				.update();

			Flyway.configure()
				.dataSource(database.getPostgresDatabase())
				.locations("classpath:db/migration")
				.load()
				.migrate();

			assertThat(venue(jdbc, 1)).containsEntry("address", "Rosenthaler Str. 1")
				.containsEntry("lat", 52.52)
				.containsEntry("lon", 13.40);
			assertThat(venue(jdbc, 2)).containsEntry("address", null)
				.containsEntry("lat", null)
				.containsEntry("lon", null)
				.containsEntry("metadata", "{\"x\": 1, \"lat\": 91, \"lon\": \"13.4\", \"address\": \"\"}");
			assertThat(venue(jdbc, 3)).containsEntry("address", null).containsEntry("metadata", null);
			assertThat(jdbc.sql("SELECT venue ->> 'address' FROM events").query(String.class).single())
				.isEqualTo("Rosenthaler Str. 1");
		}
	}

	private static void insertVenue(JdbcClient jdbc, UUID negotiation, UUID user, int n, String metadata) {
		jdbc.sql("""
				INSERT INTO proposed_venues (id, negotiation_id, venue_index, name, metadata, proposed_by)
				VALUES (CAST(? AS uuid), ?, ?, ?, CAST(? AS jsonb), ?)
				""")
			.param("00000000-0000-0000-0000-00000000000" + n)
			.param(negotiation)
			.param(n - 1)
			.param("Venue " + n)
			.param(metadata)
			.param(user)
			.update();
	}

	private static Map<String, Object> venue(JdbcClient jdbc, int n) {
		return jdbc
			.sql("SELECT address, lat, lon, metadata::text AS metadata FROM proposed_venues WHERE id = CAST(? AS uuid)")
			.param("00000000-0000-0000-0000-00000000000" + n)
			.query((row, i) -> {
				Map<String, Object> values = new java.util.HashMap<>();
				values.put("address", row.getString("address"));
				values.put("lat", row.getObject("lat"));
				values.put("lon", row.getObject("lon"));
				values.put("metadata", row.getString("metadata"));
				return values;
			})
			.single();
	}

}
