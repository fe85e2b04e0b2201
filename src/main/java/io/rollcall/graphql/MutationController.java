package io.rollcall.graphql;

import java.util.List;

import graphql.GraphQLContext;
import io.rollcall.domain.BulkChanges;
import io.rollcall.domain.BulkResult;
import io.rollcall.domain.ChangeRequests;
import io.rollcall.domain.Changes;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Invitations, updates and offboarding of users, groups, and project membership, across
 * several sources in one request: GraphQL inputs made into the domain's
 * {@link ChangeRequests}, carried out by {@link Changes}, and for many people at once by
 * {@link BulkChanges}.
 */
@Controller
class MutationController {

	/**
	 * Where the authenticated client's name sits in the GraphQL context, for the audit
	 * trail.
	 */
	static final String ACTOR = "rollcall.actor";

	private final Changes changes;

	private final BulkChanges bulk;

	MutationController(Changes changes, BulkChanges bulk) {
		this.changes = changes;
		this.bulk = bulk;
	}

	@MutationMapping
	Mono<Changes.ChangeResult> inviteUser(@Argument InviteUserInput input, GraphQLContext context) {
		return this.changes.invite(new ChangeRequests.Invite(orEmpty(input.sources()), input.email(), input.firstName(),
				input.lastName(), input.role(), orEmpty(input.groups()), dryRun(input.dryRun())), actor(context));
	}

	@MutationMapping
	Mono<Changes.ChangeResult> updateUser(@Argument UpdateUserInput input, GraphQLContext context) {
		return this.changes.updateUser(new ChangeRequests.UpdateUser(input.source(), input.email(), input.firstName(),
				input.lastName(), input.groups(), dryRun(input.dryRun())), actor(context));
	}

	@MutationMapping
	Mono<Changes.ChangeResult> removeUser(@Argument RemoveUserInput input, GraphQLContext context) {
		return this.changes.removeUser(
				new ChangeRequests.RemoveUser(input.email(), orEmpty(input.sources()), dryRun(input.dryRun())),
				actor(context));
	}

	@MutationMapping
	Mono<BulkResult> inviteUsers(@Argument InviteUsersInput input, GraphQLContext context) {
		List<ChangeRequests.Invitee> people = input.people()
			.stream()
			.map((person) -> new ChangeRequests.Invitee(person.email(), person.firstName(), person.lastName(),
					person.role(), orEmpty(person.groups())))
			.toList();
		return this.bulk.inviteUsers(people, input.sources(), dryRun(input.dryRun()), actor(context),
				RequestCancellation.of(context));
	}

	@MutationMapping
	Mono<BulkResult> removeUsers(@Argument RemoveUsersInput input, GraphQLContext context) {
		return this.bulk.removeUsers(input.emails(), orEmpty(input.sources()), dryRun(input.dryRun()), actor(context),
				RequestCancellation.of(context));
	}

	@MutationMapping
	Mono<Changes.ChangeResult> createGroup(@Argument CreateGroupInput input, GraphQLContext context) {
		return this.changes.createGroup(
				new ChangeRequests.CreateGroup(input.source(), input.name(), input.access(), dryRun(input.dryRun())),
				actor(context));
	}

	@MutationMapping
	Mono<Changes.ChangeResult> updateGroup(@Argument UpdateGroupInput input, GraphQLContext context) {
		return this.changes.updateGroup(new ChangeRequests.UpdateGroup(input.source(), input.name(), input.newName(),
				input.access(), dryRun(input.dryRun())), actor(context));
	}

	@MutationMapping
	Mono<Changes.ChangeResult> deleteGroup(@Argument DeleteGroupInput input, GraphQLContext context) {
		return this.changes.deleteGroup(
				new ChangeRequests.DeleteGroup(input.source(), input.name(), dryRun(input.dryRun())), actor(context));
	}

	@MutationMapping
	Mono<Changes.ChangeResult> addProjectMember(@Argument ProjectMemberInput input, GraphQLContext context) {
		return this.changes.changeProjectMember(member(input, true), actor(context));
	}

	@MutationMapping
	Mono<Changes.ChangeResult> removeProjectMember(@Argument ProjectMemberInput input, GraphQLContext context) {
		return this.changes.changeProjectMember(member(input, false), actor(context));
	}

	private static ChangeRequests.ProjectMember member(ProjectMemberInput input, boolean add) {
		return new ChangeRequests.ProjectMember(Ids.decode(input.project(), "input.project"),
				Ids.decode(input.user(), "input.user"), add, dryRun(input.dryRun()));
	}

	private static boolean dryRun(@Nullable Boolean dryRun) {
		return Boolean.TRUE.equals(dryRun);
	}

	private static <T> List<T> orEmpty(@Nullable List<T> list) {
		return (list != null) ? list : List.of();
	}

	private static String actor(GraphQLContext context) {
		Object actor = context.get(ACTOR);
		return (actor != null) ? actor.toString() : "anonymous";
	}

	record InviteUserInput(List<String> sources, String email, String firstName, String lastName, @Nullable String role,
			@Nullable List<String> groups, @Nullable Boolean dryRun) {
	}

	record UpdateUserInput(String source, String email, @Nullable String firstName, @Nullable String lastName,
			@Nullable List<String> groups, @Nullable Boolean dryRun) {
	}

	record RemoveUserInput(String email, @Nullable List<String> sources, @Nullable Boolean dryRun) {
	}

	record InviteUsersInput(List<Invitee> people, List<String> sources, @Nullable Boolean dryRun) {
	}

	record Invitee(String email, String firstName, String lastName, @Nullable String role,
			@Nullable List<String> groups) {
	}

	record RemoveUsersInput(List<@Nullable String> emails, @Nullable List<String> sources, @Nullable Boolean dryRun) {
	}

	record CreateGroupInput(String source, String name, String access, @Nullable Boolean dryRun) {
	}

	record UpdateGroupInput(String source, String name, @Nullable String newName, @Nullable String access,
			@Nullable Boolean dryRun) {
	}

	record DeleteGroupInput(String source, String name, @Nullable Boolean dryRun) {
	}

	record ProjectMemberInput(String project, String user, @Nullable Boolean dryRun) {
	}

}
