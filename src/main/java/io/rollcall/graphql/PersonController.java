package io.rollcall.graphql;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.rollcall.domain.Emails;
import io.rollcall.domain.InvalidInputException;
import io.rollcall.domain.Paging;
import io.rollcall.domain.Person;
import io.rollcall.domain.PersonFilter;
import io.rollcall.domain.Searches;
import io.rollcall.history.Snapshots;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * People: accounts joined across sources on the normalized email.
 */
@Controller
class PersonController {

	private final Reads reads;

	private final ObjectProvider<Snapshots> snapshots;

	PersonController(Reads reads, ObjectProvider<Snapshots> snapshots) {
		this.reads = reads;
		this.snapshots = snapshots;
	}

	@QueryMapping
	Mono<Connection<Person>> people(@Argument @Nullable PersonFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after, DataFetchingEnvironment env) {
		PersonFilter given = (filter != null) ? filter : PersonFilter.NONE;
		if (given.sources() != null) {
			this.reads.sources(given.sources(), null, "filter.sources");
		}
		Paging.first(first, after);
		return this.reads.withNested(env, this.reads.allSources(), Reads.Items.PEOPLE, "edges/node/", this.reads
			.people(env)
			.map((people) -> Connection.of(Paging.page(Searches.people(people, given), Person::email, first, after))));
	}

	@QueryMapping
	Mono<?> person(@Argument String email, @Argument @Nullable String asOf, DataFetchingEnvironment env) {
		String key = Emails.normalize(email);
		if (key == null) {
			throw new InvalidInputException("email", "email must not be blank");
		}
		if (asOf != null) {
			return past(key, Snapshots.parseId(asOf, "asOf"), env);
		}
		return this.reads.withNested(env, this.reads.allSources(), Reads.Items.PEOPLE, "",
				this.reads.people(env).flatMap((people) -> Mono.justOrEmpty(people.get(key))));
	}

	/** The person as a snapshot holds them, the fields below reading the past too. */
	private Mono<DataFetcherResult<Person>> past(String email, long snapshot, DataFetchingEnvironment env) {
		Snapshots history = HistoryIds.required(this.snapshots);
		HistoryIds.live(env.getGraphQlContext());
		return history.get(snapshot)
			.switchIfEmpty(Mono.error(() -> Snapshots.missing(snapshot, "asOf")))
			.then(history.accountsOf(snapshot, email))
			.flatMap((accounts) -> Mono
				.justOrEmpty(PastViews.of(email, accounts, this.reads.allSources(), this.reads::sourceInfo)))
			.map((past) -> DataFetcherResult.<Person>newResult().data(past.person()).localContext(past).build());
	}

}
