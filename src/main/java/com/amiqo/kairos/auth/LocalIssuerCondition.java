package com.amiqo.kairos.auth;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import com.amiqo.kairos.ops.KairosProperties;
import com.amiqo.kairos.ops.KairosProperties.DatabaseMode;

/**
 * Whether the local development issuer is on: {@code KAIROS_LOCAL_ISSUER} when set,
 * otherwise on exactly when the service runs on the embedded database (no
 * {@code DATABASE_URL}). Production refuses to start with it on (see
 * {@code StartupSettingsCheck}). A condition runs before the settings records are bound,
 * so it reads the same properties through Spring Boot's binder.
 */
public class LocalIssuerCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return isEnabled(context.getEnvironment());
	}

	public static boolean isEnabled(Environment environment) {
		return Binder.get(environment)
			.bind("kairos.auth.local-issuer", Boolean.class)
			.orElseGet(() -> KairosProperties.databaseModeOf(environment) == DatabaseMode.EMBEDDED);
	}

}
