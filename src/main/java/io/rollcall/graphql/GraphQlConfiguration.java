package io.rollcall.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQLContext;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import io.rollcall.config.RollcallProperties;
import io.rollcall.settings.InvalidConfigurationException;
import io.rollcall.shared.SharedDocuments;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The schema's custom scalar.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	/**
	 * The documents known in advance: the examples, and
	 * {@code rollcall.documents.manifest}. {@code trusted-only} by default in the
	 * production profile when a manifest is given.
	 */
	@Bean
	TrustedDocuments trustedDocuments(RollcallProperties properties, Environment environment,
			ResourceLoader resources) {
		RollcallProperties.Documents documents = properties.documents();
		Resource manifest = null;
		if (documents.manifest() != null && !documents.manifest().isBlank()) {
			manifest = resources.getResource(documents.manifest().trim());
			if (!manifest.exists()) {
				throw new InvalidConfigurationException("rollcall.documents.manifest",
						"names nothing that can be read (was '" + documents.manifest() + "')");
			}
		}
		return TrustedDocuments.load(manifest, TrustedDocuments.trustedOnly(documents.mode(), manifest != null,
				environment.acceptsProfiles(Profiles.of("production"))));
	}

	@Bean
	PersistedDocuments persistedDocuments(TrustedDocuments trusted, ObjectProvider<SharedDocuments> shared,
			RollcallProperties properties) {
		return new PersistedDocuments(trusted, shared.getIfAvailable(), properties.limits().maxDocumentSize());
	}

	/**
	 * Parsed and validated documents, kept by their text: clients send the same few
	 * operations over and over, and parsing them again costs a tenth of a warm answer.
	 */
	@Bean
	GraphQlSourceBuilderCustomizer parsedDocumentCache() {
		Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder().maximumSize(1_000).build();
		PreparsedDocumentProvider provider = new PreparsedDocumentProvider() {
			@Override
			public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
					Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
				PreparsedDocumentEntry cached = documents.getIfPresent(input.getQuery());
				if (cached != null) {
					return CompletableFuture.completedFuture(cached);
				}
				PreparsedDocumentEntry entry = parseAndValidate.apply(input);
				if (!entry.hasErrors()) {
					documents.put(input.getQuery(), entry);
				}
				return CompletableFuture.completedFuture(entry);
			}
		};
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(provider));
	}

	@Bean
	RuntimeWiringConfigurer dateTimeScalar() {
		GraphQLScalarType dateTime = GraphQLScalarType.newScalar()
			.name("DateTime")
			.description("An ISO-8601 instant in UTC, e.g. 2024-05-01T12:00:00Z.")
			.coercing(new InstantCoercing())
			.build();
		return (wiring) -> wiring.scalar(dateTime);
	}

	/**
	 * {@code DateTime} as ISO-8601 instants in UTC, to the second when the vendor gave no
	 * more.
	 */
	static final class InstantCoercing implements Coercing<Instant, String> {

		@Override
		public String serialize(Object value, GraphQLContext context, java.util.Locale locale) {
			if (value instanceof Instant instant) {
				return instant.truncatedTo(ChronoUnit.MILLIS).toString();
			}
			throw new CoercingSerializeException("Not an instant");
		}

		@Override
		public Instant parseValue(Object input, GraphQLContext context, java.util.Locale locale) {
			if (input instanceof String text) {
				return parse(text);
			}
			throw new CoercingParseValueException("DateTime must be an ISO-8601 string");
		}

		@Override
		public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				java.util.Locale locale) {
			if (input instanceof StringValue text) {
				return parse(text.getValue());
			}
			throw new CoercingParseLiteralException("DateTime must be an ISO-8601 string");
		}

		private static Instant parse(@Nullable String text) {
			try {
				return OffsetDateTime.parse(String.valueOf(text)).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new CoercingParseValueException(
						"DateTime must be an ISO-8601 instant, e.g. 2024-05-01T12:00:00Z");
			}
		}

	}

}
