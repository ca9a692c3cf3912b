package com.amiqo.kairos.negotiation.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleTest {

	@Test
	void valuesWhenComparedWithTheConstantsListsExactlyTheEnumInOrder() {
		assertThat(Role.VALUES)
			.isEqualTo(Arrays.stream(Role.values()).map(Role::value).collect(Collectors.joining("|")));
		assertThat(Role.of("invitee")).isEqualTo(Role.INVITEE);
	}

}
