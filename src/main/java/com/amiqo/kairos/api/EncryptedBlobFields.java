package com.amiqo.kairos.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/**
 * The request's {@code encrypted_payload} and {@code encrypted_blob_version} have the
 * shape docs/reference.md#encrypted-blobs asks ({@link EncryptedBlob#problemWith}); the
 * violation names the field at fault. Put it on a request record that implements
 * {@link EncryptedBlob.Fields}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = EncryptedBlobFields.Validator.class)
public @interface EncryptedBlobFields {

	/** Whether {@code encrypted_payload} must be sent. */
	boolean required() default false;

	String message() default "is not a valid encrypted blob";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<EncryptedBlobFields, EncryptedBlob.Fields> {

		private boolean required;

		@Override
		public void initialize(EncryptedBlobFields annotation) {
			this.required = annotation.required();
		}

		@Override
		public boolean isValid(EncryptedBlob.@Nullable Fields request, ConstraintValidatorContext context) {
			if (request == null) {
				return true;
			}
			EncryptedBlob.Problem problem = required && request.encryptedPayload() == null
					? new EncryptedBlob.Problem(EncryptedBlob.Field.PAYLOAD, "is required", java.util.Map.of())
					: EncryptedBlob.problemWith(request.encryptedPayload(), request.encryptedBlobVersion());
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			if (!problem.details().isEmpty()) {
				// Read back by ApiExceptionHandler into the error's details (max_bytes).
				context.unwrap(HibernateConstraintValidatorContext.class).withDynamicPayload(problem.details());
			}
			context.buildConstraintViolationWithTemplate(problem.message())
				.addPropertyNode(problem.field().javaName())
				.addConstraintViolation();
			return false;
		}

	}

}
