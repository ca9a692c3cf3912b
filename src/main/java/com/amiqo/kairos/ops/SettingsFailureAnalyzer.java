package com.amiqo.kairos.ops;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import com.amiqo.kairos.ops.StartupSettingsCheck.InvalidSettingsException;

/**
 * Reports a refusal of {@link StartupSettingsCheck} as one line naming the variables,
 * instead of a stack trace. It takes no constructor arguments because that check fails
 * before any application context exists.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class SettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingsException> {

	static final String ACTION = "Set the named environment variables (values are never printed).";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingsException cause) {
		return new FailureAnalysis("Invalid configuration: " + String.join("; ", cause.problems()), ACTION, cause);
	}

}
