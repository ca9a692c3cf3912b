package com.amiqo.kairos.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.amiqo.kairos.api.error.ApiException;
import com.amiqo.kairos.api.error.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfMatchTest {

	@ParameterizedTest
	@ValueSource(strings = { "\"3\"", "W/\"3\"", "3", " \"3\" ", "W/3" })
	void revisionOfWhenStrongWeakOrUnquotedGivesTheRevision(String header) {
		assertThat(IfMatch.revisionOf(header)).isEqualTo(3);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "  ", "*", " * " })
	void revisionOfWhenAbsentOrWildcardIsAnyRevision(String header) {
		assertThat(IfMatch.revisionOf(header)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"abc\"", "\"3\", \"4\"", "\"\"", "\"3" })
	void revisionOfWhenNotARevisionIsAValidationErrorOnIfMatch(String header) {
		assertThatThrownBy(() -> IfMatch.revisionOf(header)).isInstanceOfSatisfying(ApiException.class, e -> {
			assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
			assertThat(e.details()).containsEntry("field", "If-Match");
		});
	}

}
