package io.rollcall.graphql;

import java.time.Duration;
import java.util.List;

import graphql.GraphQLContext;
import io.rollcall.domain.Directory;
import io.rollcall.domain.HealthChecks;
import io.rollcall.domain.RequestTrace;
import io.rollcall.domain.SourceHealth;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.SourcePauses;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The configured sources, their live health, and refreshing them: forgetting their cached
 * data and ending their pauses (cool-down, open breaker).
 */
@Controller
class SourceController {

	/** A source talked to this recently is not probed again for {@code health}. */
	private static final Duration HEALTH_FRESHNESS = Duration.ofSeconds(30);

	private final Reads reads;

	private final Directory directory;

	private final HealthChecks health;

	private final SourcePauses pauses;

	SourceController(Reads reads, Directory directory, HealthChecks health, SourcePauses pauses) {
		this.reads = reads;
		this.directory = directory;
		this.health = health;
		this.pauses = pauses;
	}

	@QueryMapping
	List<SourceInfo> sources() {
		return this.directory.sources();
	}

	@SchemaMapping(typeName = "Source")
	Mono<SourceHealth> health(SourceInfo source, GraphQLContext context) {
		RequestTrace trace = context.get(RequestTrace.KEY);
		if (trace != null) {
			// Live, not from a cached list: an answer holding it is never kept.
			trace.live();
		}
		return this.directory.connector(source.id())
			.map((connector) -> this.health.live(connector, HEALTH_FRESHNESS))
			.orElse(Mono.just(SourceHealth.UNKNOWN));
	}

	@MutationMapping
	List<SourceInfo> refreshSources(@Argument @Nullable List<String> ids) {
		List<String> chosen = this.reads.sources(ids, null, "ids");
		chosen.forEach((id) -> {
			this.pauses.resume(id);
			this.directory.connector(id).ifPresent((connector) -> connector.forget());
		});
		return chosen.stream().map((id) -> this.directory.source(id).orElseThrow()).toList();
	}

}
