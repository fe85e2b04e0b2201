package io.rollcall.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad source configuration into a short start-up report naming the property.
 */
class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
		return new FailureAnalysis("Rollcall's configuration is invalid: " + cause.getMessage(),
				"Correct " + cause.property() + " (the README's Configuration section lists every property).", cause);
	}

}
