package io.rollcall.connector.codebase;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.rollcall.connector.VendorHttp;
import io.rollcall.domain.Change;
import io.rollcall.domain.ChangeRequests;
import io.rollcall.domain.Connector;
import io.rollcall.domain.Membership;
import io.rollcall.domain.Project;
import io.rollcall.domain.Role;
import io.rollcall.domain.SourceException;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.SourceView;
import io.rollcall.domain.User;
import io.rollcall.domain.Writes;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A Codebase HQ account: users with their project assignments, the role catalogue and
 * projects; invitations and project membership. Codebase has no dry-run, so a dry run is
 * validated here and nothing is sent.
 */
final class CodebaseConnector implements Connector, Writes.Invites, Writes.ProjectMembers {

	private static final Consumer<HttpHeaders> XML = (h) -> h.setAccept(List.of(MediaType.APPLICATION_XML));

	private final SourceInfo info;

	private final Writes writes;

	private final VendorHttp http;

	/**
	 * The last membership change of each project, so that changes of one project run one
	 * at a time.
	 */
	private final Map<String, Mono<Change>> projectQueues = new ConcurrentHashMap<>();

	CodebaseConnector(SourceInfo info, VendorHttp http) {
		this.writes = Writes.builder().invites(this).projectMembers(this).build();
		this.info = info;
		this.http = http;
	}

	@Override
	public SourceInfo info() {
		return this.info;
	}

	@Override
	public Mono<List<User>> users() {
		return this.http.get(XML, "/users")
			.flatMap((body) -> this.http.decode(body, (bytes) -> this.http.bounded(CodebaseXml.users(bytes))))
			.map((users) -> users.stream().map((u) -> CodebaseMapper.toUser(this.info.id(), u)).toList());
	}

	@Override
	public Mono<List<Role>> roles() {
		return this.http.get(XML, "/roles")
			.flatMap((body) -> this.http.decode(body, (bytes) -> this.http.bounded(CodebaseXml.roles(bytes))))
			.map((roles) -> roles.stream().map((r) -> CodebaseMapper.toRole(this.info.id(), r)).toList());
	}

	@Override
	public Mono<List<Project>> projects() {
		return this.http.get(XML, "/projects")
			.flatMap((body) -> this.http.decode(body, (bytes) -> this.http.bounded(CodebaseXml.projects(bytes))))
			.map((projects) -> projects.stream()
				.filter((p) -> p.permalink() != null && !p.permalink().isEmpty())
				.map((p) -> CodebaseMapper.toProject(this.info.id(), p))
				.toList());
	}

	/** Memberships are already on the users' assignments: no per-project calls. */
	@Override
	public Mono<List<Membership>> memberships(List<Project> projects) {
		return Mono.just(List.of());
	}

	@Override
	public Mono<Void> probe() {
		return this.http.get(XML, "/profile").then();
	}

	@Override
	public Writes writes() {
		return this.writes;
	}

	/** Codebase invitations take a role, by its id; groups it does not have. */
	@Override
	public Writes.Invitation invitation(Writes.Invitation asked, SourceView view) {
		String role = (asked.role() != null) ? view.roleNamed(asked.role(), ChangeRequests.ROLE).nativeId() : null;
		return new Writes.Invitation(asked.email(), asked.firstName(), asked.lastName(), role, List.of());
	}

	@Override
	public Mono<Change> invite(Writes.Invitation invitation, boolean dryRun) {
		if (dryRun) {
			return Mono.just(Change.dryRun(this.info.id(), null, null, "Would have invited " + invitation.email()));
		}
		StringBuilder xml = new StringBuilder("<user>");
		element(xml, "first-name", invitation.firstName());
		element(xml, "last-name", invitation.lastName());
		element(xml, "email-address", invitation.email());
		if (invitation.role() != null) {
			element(xml, "role-id", invitation.role());
		}
		xml.append("</user>");
		return this.http
			.send(HttpMethod.POST, XML, xml.toString().getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_XML,
					"/users")
			.flatMap((body) -> this.http
				.decode(body,
						(bytes) -> Optional.ofNullable((bytes.length > 0)
								? CodebaseMapper.toUser(this.info.id(), CodebaseXml.user(bytes)) : null))
				// The invitation was accepted, but the answer cannot say what it made.
				.onErrorMap(SourceException.class, SourceException::withOutcomeUnknown))
			.map((user) -> Change.done(this.info.id(), user.orElse(null), null, "Invited " + invitation.email()))
			.onErrorResume(SourceException.class, (ex) -> Mono.just(Change.failed(ex)));
	}

	/**
	 * Codebase's assignments call replaces a project's whole set, so a change reads the
	 * set, merges, and writes it back; changes of one project wait for each other, so two
	 * concurrent additions both survive.
	 */
	@Override
	public Mono<Change> changeProjectMember(String projectId, String userId, boolean add, boolean dryRun) {
		if (dryRun) {
			return Mono.just(Change.dryRun(this.info.id(), null, null, "Would have "
					+ (add ? "added user " + userId + " to " : "removed user " + userId + " from ") + projectId));
		}
		return Mono.defer(() -> {
			Mono<Change> change = this.projectQueues.compute(projectId, (key, previous) -> {
				Mono<Void> after = (previous != null) ? previous.onErrorResume((ex) -> Mono.empty()).then()
						: Mono.<Void>empty();
				return after.then(Mono.defer(() -> replaceMembers(projectId, userId, add))).cache();
			});
			return change.doFinally((signal) -> this.projectQueues.remove(projectId, change));
		});
	}

	private Mono<Change> replaceMembers(String projectId, String userId, boolean add) {
		long id = Long.parseLong(userId);
		return this.http.get(XML, "/{permalink}/assignments", projectId)
			.flatMap((body) -> this.http.decode(body, CodebaseXml::assignedIds))
			.flatMap((current) -> {
				Set<Long> next = new LinkedHashSet<>(current);
				boolean changed = add ? next.add(id) : next.remove(id);
				if (!changed) {
					return Mono.just(add
							? Change.done(this.info.id(), null, null,
									"User " + userId + " was already a member of " + projectId)
							: Change.notFound(this.info.id(), "User " + userId + " is not a member of " + projectId));
				}
				StringBuilder xml = new StringBuilder("<users>");
				next.forEach((member) -> xml.append("<user><id>").append(member).append("</id></user>"));
				xml.append("</users>");
				return this.http
					.send(HttpMethod.POST, XML, xml.toString().getBytes(StandardCharsets.UTF_8),
							MediaType.APPLICATION_XML, "/{permalink}/assignments", projectId)
					// Codebase answers with an empty body; anything else must at least be
					// its XML, or what happened is unclear.
					.flatMap((answer) -> (answer.length == 0) ? Mono.just(List.<Long>of())
							: this.http.decode(answer, CodebaseXml::assignedIds)
								.onErrorMap(SourceException.class, SourceException::withOutcomeUnknown))
					.thenReturn(Change.done(this.info.id(), null, null,
							(add ? "Added user " + userId + " to " : "Removed user " + userId + " from ") + projectId));
			})
			.onErrorResume(SourceException.class, (ex) -> Mono.just(
					ex.isNotFound() ? Change.notFound(this.info.id(), "No project " + projectId) : Change.failed(ex)));
	}

	private static void element(StringBuilder xml, String name, String value) {
		xml.append('<')
			.append(name)
			.append('>')
			.append(CodebaseXml.escape(value))
			.append("</")
			.append(name)
			.append('>');
	}

}
