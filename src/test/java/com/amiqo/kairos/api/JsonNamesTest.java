package com.amiqo.kairos.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class JsonNamesTest {

	@ParameterizedTest
	@CsvSource({ "displayName, display_name", "locale, locale",
			"proposedSlots[0].startsAt, proposed_slots[0].starts_at", "agentModeDefault, agent_mode_default",
			"participantIds[12], participant_ids[12]", "'', body" })
	void fromJavaPathUsesSnakeCase(String javaPath, String jsonPath) {
		assertThat(JsonNames.fromJavaPath(javaPath)).isEqualTo(jsonPath);
	}

}
