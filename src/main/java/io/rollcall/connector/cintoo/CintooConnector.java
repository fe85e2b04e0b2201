package io.rollcall.connector.cintoo;

import java.util.List;
import java.util.function.Consumer;

import io.rollcall.connector.VendorHttp;
import io.rollcall.connector.VendorJson;
import io.rollcall.domain.Connector;
import io.rollcall.domain.Project;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.User;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A Cintoo account: users and projects, read-only. Memberships come with the projects.
 */
final class CintooConnector implements Connector {

	private static final Consumer<HttpHeaders> JSON = (h) -> h.setAccept(List.of(MediaType.APPLICATION_JSON));

	private final SourceInfo info;

	private final VendorHttp http;

	private final String accountId;

	CintooConnector(SourceInfo info, VendorHttp http, String accountId) {
		this.info = info;
		this.http = http;
		this.accountId = accountId;
	}

	@Override
	public SourceInfo info() {
		return this.info;
	}

	@Override
	public Mono<List<User>> users() {
		return this.http.get(JSON, "/api/accounts/{account}/users", this.accountId)
			.flatMap((body) -> this.http.decode(body,
					(bytes) -> VendorJson.list(this.http, bytes, null, CintooWire.User.class)))
			.map((users) -> users.stream()
				.filter((u) -> u.id() != null)
				.map((u) -> CintooMapper.toUser(this.info.id(), u))
				.toList());
	}

	@Override
	public Mono<List<Project>> projects() {
		return this.http.get(JSON, "/api/accounts/{account}/projects", this.accountId)
			.flatMap((body) -> this.http.decode(body,
					(bytes) -> VendorJson.list(this.http, bytes, null, CintooWire.Project.class)))
			.map((projects) -> projects.stream()
				.filter((p) -> p.id() != null)
				.map((p) -> CintooMapper.toProject(this.info.id(), p))
				.toList());
	}

	@Override
	public Mono<Void> probe() {
		return this.http.get(JSON, "/api/isLogged").then();
	}

}
