package com.amiqo.kairos.negotiation.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.amiqo.kairos.api.WireValue;
import com.amiqo.kairos.api.WireValues;

/**
 * What a plan is for (docs/reference.md#reading-negotiations), with the words a preview
 * uses for it ("Olga proposed a coffee"). The migration's check constraint allows exactly
 * these values (IntentCategoryTest).
 */
public enum IntentCategory implements WireValue<IntentCategory> {

	COFFEE("a coffee"), LUNCH("lunch"), DINNER("dinner"), DRINKS("drinks"), GYM("a gym session"), WALK("a walk"),
	MOVIE("a movie"), CONCERT("a concert"), STUDY("a study session"), GAME("a game"), BRUNCH("brunch"),
	// The title carries the words of an "other" plan; the preview stays generic.
	OTHER("a plan");

	/**
	 * The values as annotations need them (request validation, the OpenAPI closed set):
	 * annotation attributes must be compile-time constants, so IntentCategoryTest ties
	 * this to the constants.
	 */
	public static final String VALUES = "coffee|lunch|dinner|drinks|gym|walk|movie|concert|study|game|brunch|other";

	private final String preview;

	IntentCategory(String preview) {
		this.preview = preview;
	}

	String preview() {
		return preview;
	}

	public static IntentCategory of(String value) {
		return WireValues.parse(IntentCategory.class, value);
	}

	/**
	 * The values joined with {@code |}, in declaration order: what {@link #VALUES} must
	 * equal.
	 */
	public static String joinedValues() {
		return Arrays.stream(values()).map(IntentCategory::value).collect(Collectors.joining("|"));
	}

}
