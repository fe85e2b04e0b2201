package io.rollcall.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.rollcall.domain.Emails;
import io.rollcall.domain.InvalidInputException;
import io.rollcall.domain.Paging;
import io.rollcall.domain.Person;
import io.rollcall.domain.PersonFilter;
import io.rollcall.domain.Searches;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * People: accounts joined across sources on the normalized email.
 */
@Controller
class PersonController {

	private final Reads reads;

	PersonController(Reads reads) {
		this.reads = reads;
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
	Mono<Person> person(@Argument String email, DataFetchingEnvironment env) {
		String key = Emails.normalize(email);
		if (key == null) {
			throw new InvalidInputException("email", "email must not be blank");
		}
		return this.reads.withNested(env, this.reads.allSources(), Reads.Items.PEOPLE, "",
				this.reads.people(env).flatMap((people) -> Mono.justOrEmpty(people.get(key))));
	}

}
