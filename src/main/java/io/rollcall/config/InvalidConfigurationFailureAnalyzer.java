package io.rollcall.config;

import java.util.List;

import io.rollcall.settings.InvalidConfigurationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad source configuration into a short start-up report naming the property.
 */
class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
		List<InvalidConfigurationException> problems = cause.problems();
		if (problems.size() == 1) {
			return new FailureAnalysis("Rollcall's configuration is invalid: " + cause.getMessage(),
					"Correct " + cause.property() + " (the README's Configuration section lists every property).",
					cause);
		}
		StringBuilder description = new StringBuilder("Rollcall's configuration has " + problems.size() + " problems:");
		problems.forEach((problem) -> description.append("\n  - ").append(problem.getMessage()));
		return new FailureAnalysis(description.toString(),
				"Correct " + String.join(", ", problems.stream().map(InvalidConfigurationException::property).toList())
						+ " (the README's Configuration section lists every property).",
				cause);
	}

}
