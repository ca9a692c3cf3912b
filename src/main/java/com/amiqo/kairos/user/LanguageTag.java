package com.amiqo.kairos.user;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The value, when present, is a well-formed BCP 47 language tag of at most 35 characters.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageTag.Validator.class)
@interface LanguageTag {

	String message() default "must be a BCP 47 language tag such as en-US";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<LanguageTag, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || LanguageTags.canonical(value).isPresent();
		}

	}

}
