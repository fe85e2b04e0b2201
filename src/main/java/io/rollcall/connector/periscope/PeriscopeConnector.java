package io.rollcall.connector.periscope;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.rollcall.connector.VendorHttp;
import io.rollcall.connector.VendorJson;
import io.rollcall.connector.VendorPaths;
import io.rollcall.domain.Change;
import io.rollcall.domain.ChangeRequests;
import io.rollcall.domain.Connector;
import io.rollcall.domain.Group;
import io.rollcall.domain.InvalidInputException;
import io.rollcall.domain.SourceException;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.SourceView;
import io.rollcall.domain.User;
import io.rollcall.domain.Writes;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A Periscope site: users and groups, read and written. Writes honour dry runs with
 * {@code test_mode=true}, which Periscope validates and answers as if done.
 */
final class PeriscopeConnector
		implements Connector, Writes.Invites, Writes.UserUpdates, Writes.UserRemovals, Writes.Groups {

	private static final String EMAIL_HEADER = "HTTP-X-EMAIL";

	private static final Consumer<HttpHeaders> JSON = (h) -> h.setAccept(List.of(MediaType.APPLICATION_JSON));

	private final SourceInfo info;

	private final Writes writes;

	private final VendorHttp http;

	private final @Nullable String invitedBy;

	PeriscopeConnector(SourceInfo info, VendorHttp http, @Nullable String invitedBy) {
		Writes.Builder writes = Writes.builder().userUpdates(this).userRemovals(this);
		if (invitedBy != null) {
			// Periscope needs an inviter's and a creator's email for these two writes.
			writes.invites(this).groups(this);
		}
		this.writes = writes.build();
		this.info = info;
		this.http = http;
		this.invitedBy = invitedBy;
	}

	@Override
	public SourceInfo info() {
		return this.info;
	}

	@Override
	public Mono<List<User>> users() {
		return this.http.get(JSON, "/api/v1/users")
			.flatMap((body) -> this.http.decode(body,
					(b) -> VendorJson.list(this.http, b, "users", PeriscopeWire.User.class)))
			.map((users) -> users.stream()
				.filter((u) -> u.email() != null && !u.email().isBlank())
				.map((u) -> PeriscopeMapper.toUser(this.info.id(), u))
				.toList());
	}

	@Override
	public Mono<List<Group>> groups() {
		return this.http.get(JSON, "/api/v1/groups")
			.flatMap((body) -> this.http.decode(body,
					(b) -> VendorJson.list(this.http, b, "groups", PeriscopeWire.Group.class)))
			.map((groups) -> groups.stream()
				.filter((g) -> g.name() != null)
				.map((g) -> PeriscopeMapper.toGroup(this.info.id(), g))
				.toList());
	}

	@Override
	public Mono<Void> probe() {
		return this.http.get(JSON, "/api/v1/groups").then();
	}

	@Override
	public Writes writes() {
		return this.writes;
	}

	/** Periscope invitations take groups, by name; roles it does not have. */
	@Override
	public Writes.Invitation invitation(Writes.Invitation asked, SourceView view) {
		return new Writes.Invitation(asked.email(), asked.firstName(), asked.lastName(), null,
				view.groupNames(asked.groups(), ChangeRequests.GROUPS));
	}

	/** View, Discovery or SQL, in any case. */
	@Override
	public String access(String access) {
		for (String level : PeriscopeMapper.ACCESS_LEVELS) {
			if (level.equalsIgnoreCase(access.trim())) {
				return level;
			}
		}
		throw new InvalidInputException(ChangeRequests.ACCESS, ChangeRequests.ACCESS + " must be one of "
				+ String.join(", ", PeriscopeMapper.ACCESS_LEVELS) + " (was '" + access + "')");
	}

	@Override
	public Mono<Change> invite(Writes.Invitation invitation, boolean dryRun) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("first_name", invitation.firstName());
		body.put("last_name", invitation.lastName());
		body.put("email", invitation.email());
		body.put("groups", invitation.groups());
		body.put("invited_by_email", this.invitedBy);
		return userChange(HttpMethod.POST, null, body, dryRun, "invited " + invitation.email());
	}

	@Override
	public Mono<Change> updateUser(String email, @Nullable String firstName, @Nullable String lastName,
			@Nullable List<String> groups, boolean dryRun) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (firstName != null) {
			body.put("first_name", firstName);
		}
		if (lastName != null) {
			body.put("last_name", lastName);
		}
		if (groups != null) {
			body.put("groups", groups);
		}
		return userChange(HttpMethod.PUT, email, body, dryRun, "updated " + email);
	}

	@Override
	public Mono<Change> removeUser(String email, boolean dryRun) {
		return send(HttpMethod.DELETE, "/api/v1/users", email, null, dryRun)
			.flatMap((answer) -> answer(answer, PeriscopeWire.Deleted.class))
			.map((answer) -> finished(dryRun, null, null, "removed " + email))
			.onErrorResume(SourceException.class, (ex) -> Mono.just(failed(ex, "No user " + email)));
	}

	@Override
	public Mono<Change> createGroup(String name, String access, boolean dryRun) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("access", access);
		body.put("created_by_email", this.invitedBy);
		return groupChange(HttpMethod.POST, "/api/v1/groups", body, dryRun, "created group " + name, name);
	}

	@Override
	public Mono<Change> updateGroup(String name, @Nullable String newName, @Nullable String access, boolean dryRun) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (newName != null) {
			body.put("name", newName);
		}
		if (access != null) {
			body.put("access", access);
		}
		return groupChange(HttpMethod.PUT, "/api/v1/groups/{name}", body, dryRun, "updated group " + name, name, name);
	}

	@Override
	public Mono<Change> deleteGroup(String name, boolean dryRun) {
		return send(HttpMethod.DELETE, "/api/v1/groups/{name}", null, null, dryRun, name)
			.flatMap((answer) -> answer(answer, PeriscopeWire.Deleted.class))
			.map((answer) -> finished(dryRun, null, null, "deleted group " + name))
			.onErrorResume(SourceException.class, (ex) -> Mono.just(failed(ex, "No group " + name)));
	}

	private Mono<Change> userChange(HttpMethod method, @Nullable String email, Map<String, Object> body, boolean dryRun,
			String what) {
		return send(method, "/api/v1/users", email, body, dryRun)
			.flatMap((answer) -> answer(answer, PeriscopeWire.User.class))
			.map((user) -> finished(dryRun,
					user.filter((u) -> u.email() != null)
						.map((u) -> PeriscopeMapper.toUser(this.info.id(), u))
						.orElse(null),
					null, what))
			.onErrorResume(SourceException.class, (ex) -> Mono.just(failed(ex, "No user " + email)));
	}

	private Mono<Change> groupChange(HttpMethod method, String uri, Map<String, Object> body, boolean dryRun,
			String what, String name, Object... variables) {
		return send(method, uri, null, body, dryRun, variables)
			.flatMap((answer) -> answer(answer, PeriscopeWire.Group.class))
			.map((group) -> finished(dryRun, null,
					group.filter((g) -> g.name() != null)
						.map((g) -> PeriscopeMapper.toGroup(this.info.id(), g))
						.orElse(null),
					what))
			.onErrorResume(SourceException.class, (ex) -> Mono.just(failed(ex, "No group " + name)));
	}

	/**
	 * Reads the answer to a change that succeeded. One that cannot be read fails the
	 * change, whose outcome is then unknown: the vendor said yes, but to what is unclear.
	 */
	private <T> Mono<Optional<T>> answer(byte[] answer, Class<T> type) {
		return this.http.decode(answer, (bytes) -> Optional.ofNullable(PeriscopeWire.one(bytes, type)))
			.onErrorMap(SourceException.class, SourceException::withOutcomeUnknown);
	}

	private Mono<byte[]> send(HttpMethod method, String uri, @Nullable String email, @Nullable Map<String, Object> body,
			boolean dryRun, Object... variables) {
		Consumer<HttpHeaders> headers = (h) -> {
			JSON.accept(h);
			if (email != null) {
				h.set(EMAIL_HEADER, VendorPaths.headerValue(email));
			}
		};
		byte[] bytes = (body != null) ? VendorJson.mapper().writeValueAsBytes(body) : null;
		String target = dryRun ? uri + "?test_mode=true" : uri;
		return this.http.send(method, headers, bytes, (bytes != null) ? MediaType.APPLICATION_JSON : null, target,
				variables);
	}

	private Change finished(boolean dryRun, @Nullable User user, @Nullable Group group, String what) {
		return dryRun ? Change.dryRun(this.info.id(), user, group, "Would have " + what)
				: Change.done(this.info.id(), user, group, capitalize(what));
	}

	private Change failed(SourceException ex, String notFoundMessage) {
		return ex.isNotFound() ? Change.notFound(this.info.id(), notFoundMessage) : Change.failed(ex);
	}

	private static String capitalize(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
