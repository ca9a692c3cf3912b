package com.amiqo.kairos.negotiation;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.negotiation.domain.IntentCategory;
import com.amiqo.kairos.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ties the intent categories' other spellings (annotation constant, SQL check
 * constraints) to the enum.
 */
class IntentCategoryTest extends ApiTest {

	private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

	@Test
	void valuesWhenComparedWithTheConstantsListsExactlyTheEnumInOrder() {
		assertThat(IntentCategory.VALUES).isEqualTo(IntentCategory.joinedValues());
		assertThat(IntentCategory.of("other")).isEqualTo(IntentCategory.OTHER);
	}

	@Test
	void checkConstraintWhenReadFromPgConstraintAllowsExactlyTheEnumValues() {
		List<String> definitions = jdbc.sql("""
				SELECT pg_get_constraintdef(c.oid)
				  FROM pg_constraint c
				 WHERE c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE '%intent_category%'
				""").query(String.class).list();

		assertThat(definitions).isNotEmpty();
		String[] expected = Arrays.stream(IntentCategory.values()).map(IntentCategory::value).toArray(String[]::new);
		for (String definition : definitions) {
			List<String> allowed = QUOTED.matcher(definition).results().map(match -> match.group(1)).toList();
			assertThat(allowed).as(definition).containsExactlyInAnyOrder(expected);
		}
	}

}
