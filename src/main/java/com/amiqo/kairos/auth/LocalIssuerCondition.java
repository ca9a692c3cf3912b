package com.amiqo.kairos.auth;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Whether the local development issuer is on: {@code KAIROS_LOCAL_ISSUER} when set,
 * otherwise on exactly when the service runs on the embedded database (no
 * {@code DATABASE_URL}). Production refuses to start with it on (see
 * {@code StartupSettingsCheck}).
 */
public class LocalIssuerCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return isEnabled(context.getEnvironment());
	}

	public static boolean isEnabled(Environment environment) {
		String explicit = environment.getProperty("kairos.auth.local-issuer");
		if (StringUtils.hasText(explicit)) {
			return Boolean.parseBoolean(explicit.strip());
		}
		return !StringUtils.hasText(environment.getProperty("kairos.database.url"));
	}

}
