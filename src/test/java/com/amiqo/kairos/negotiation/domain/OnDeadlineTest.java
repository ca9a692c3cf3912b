package com.amiqo.kairos.negotiation.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OnDeadlineTest {

	@Test
	void valuesWhenComparedWithTheConstantsListsExactlyTheEnumInOrder() {
		assertThat(OnDeadline.VALUES)
			.isEqualTo(Arrays.stream(OnDeadline.values()).map(OnDeadline::value).collect(Collectors.joining("|")));
		assertThat(OnDeadline.of("pick_best")).isEqualTo(OnDeadline.PICK_BEST);
	}

}
