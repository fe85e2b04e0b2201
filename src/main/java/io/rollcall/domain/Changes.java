package io.rollcall.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carries out changes across sources: checks every request against the sources'
 * catalogues before anything is sent (its syntax the request checked itself; what a
 * vendor takes, its {@link Writes}), asks only sources that can make the change, sends
 * each change once, drops the affected cached data, and writes one audit line per source.
 */
public final class Changes {

	private final Directory directory;

	private final AuditLog audit;

	public Changes(Directory directory, AuditLog audit) {
		this.directory = directory;
		this.audit = audit;
	}

	/**
	 * Invites a person into every source asked that can invite.
	 * @param request the invitation
	 * @param actor who asks, for the audit trail
	 * @return one change per source
	 */
	public Mono<ChangeResult> invite(ChangeRequests.Invite request, String actor) {
		String email = request.email();
		List<String> sources = known(request.sources(), "input.sources");
		boolean dryRun = request.dryRun();
		Writes.Invitation asked = new Writes.Invitation(email, request.firstName(), request.lastName(),
				blankToNull(request.role()), request.groups());
		return Flux.fromIterable(sources).flatMapSequential((id) -> {
			Writes.Invites invites = writes(id).invites();
			if (invites == null) {
				return Mono.just(Plan.unsupported(id, "cannot invite users"));
			}
			return this.directory.view(id, EnumSet.of(Part.USERS, Part.ROLES, Part.GROUPS)).map((loaded) -> {
				if (loaded.error() != null) {
					return Plan.done(Change.failed(loaded.error()));
				}
				SourceView view = read(loaded);
				return AccountPlans.invite(id, invites, view, invites.invitation(asked, view), dryRun);
			});
		}).collectList().flatMap((plans) -> run("inviteUser", email, plans, dryRun, actor));
	}

	/**
	 * Changes a user's name or groups in one source.
	 * @param request the change
	 * @param actor who asks, for the audit trail
	 * @return the change
	 */
	public Mono<ChangeResult> updateUser(ChangeRequests.UpdateUser request, String actor) {
		String email = request.email();
		String id = known(List.of(request.source()), "input.source").get(0);
		boolean dryRun = request.dryRun();
		Writes.UserUpdates updates = writes(id).userUpdates();
		if (updates == null) {
			return run("updateUser", email, List.of(Plan.unsupported(id, "cannot update users")), dryRun, actor);
		}
		return this.directory.view(id, EnumSet.of(Part.USERS, Part.GROUPS)).flatMap((loaded) -> {
			if (loaded.error() != null) {
				return run("updateUser", email, List.of(Plan.done(Change.failed(loaded.error()))), dryRun, actor);
			}
			SourceView view = read(loaded);
			List<String> groups = (request.groups() != null) ? view.groupNames(request.groups(), ChangeRequests.GROUPS)
					: null;
			User account = view.account(email);
			if (account == null) {
				return run("updateUser", email,
						List.of(Plan.done(Change.notFound(id, "No user " + email + " in " + id))), dryRun, actor);
			}
			// Periscope keys users by the address as it holds it.
			String target = (account.email() != null) ? account.email() : email;
			return run("updateUser", email,
					List.of(Plan
						.send(id,
								() -> updates.updateUser(target, request.firstName(), request.lastName(), groups,
										dryRun))
						.about(account, null)),
					dryRun, actor);
		});
	}

	/**
	 * Removes a person's accounts from the sources asked, or offboards them everywhere.
	 * @param request the removal
	 * @param actor who asks, for the audit trail
	 * @return one change per source that has (or may have) the account
	 */
	public Mono<ChangeResult> removeUser(ChangeRequests.RemoveUser request, String actor) {
		String email = request.email();
		boolean dryRun = request.dryRun();
		boolean everywhere = request.everywhere();
		List<String> sources = everywhere ? this.directory.sourceIds() : known(request.sources(), "input.sources");
		return Flux.fromIterable(sources).flatMapSequential((id) -> {
			Writes.UserRemovals removals = writes(id).userRemovals();
			return this.directory.view(id, EnumSet.of(Part.USERS))
				.map((loaded) -> AccountPlans.removal(id, removals, loaded, email, everywhere, dryRun));
		})
			.collectList()
			.map((plans) -> AccountPlans.unknownEverywhere(plans, email))
			.flatMap((plans) -> run("removeUser", email, plans, dryRun, actor));
	}

	/**
	 * Creates a group.
	 * @param request the group
	 * @param actor who asks, for the audit trail
	 * @return the change
	 */
	public Mono<ChangeResult> createGroup(ChangeRequests.CreateGroup request, String actor) {
		String id = known(List.of(request.source()), "input.source").get(0);
		boolean dryRun = request.dryRun();
		Writes.Groups groups = writes(id).groups();
		if (groups == null) {
			return run("createGroup", request.name(), List.of(Plan.unsupported(id, "cannot manage groups")), dryRun,
					actor);
		}
		String access = groups.access(request.access());
		return run("createGroup", request.name(),
				List.of(Plan.send(id, () -> groups.createGroup(request.name(), access, dryRun))), dryRun, actor);
	}

	/**
	 * Renames a group or changes its access level.
	 * @param request the change
	 * @param actor who asks, for the audit trail
	 * @return the change
	 */
	public Mono<ChangeResult> updateGroup(ChangeRequests.UpdateGroup request, String actor) {
		String id = known(List.of(request.source()), "input.source").get(0);
		boolean dryRun = request.dryRun();
		Writes.Groups groups = writes(id).groups();
		String access = (request.access() != null && groups != null) ? groups.access(request.access()) : null;
		return existingGroup(id, request.name(), "updateGroup", dryRun, actor,
				(parts, group) -> () -> parts.updateGroup(group.nativeId(), request.newName(), access, dryRun));
	}

	/**
	 * Deletes a group.
	 * @param request the group
	 * @param actor who asks, for the audit trail
	 * @return the change
	 */
	public Mono<ChangeResult> deleteGroup(ChangeRequests.DeleteGroup request, String actor) {
		String id = known(List.of(request.source()), "input.source").get(0);
		return existingGroup(id, request.name(), "deleteGroup", request.dryRun(), actor,
				(parts, group) -> () -> parts.deleteGroup(group.nativeId(), request.dryRun()));
	}

	/**
	 * Adds a user to a project, or removes one.
	 * @param request the membership change
	 * @param actor who asks, for the audit trail
	 * @return the change
	 */
	public Mono<ChangeResult> changeProjectMember(ChangeRequests.ProjectMember request, String actor) {
		NodeId project = request.project();
		NodeId user = request.user();
		boolean add = request.add();
		String id = known(List.of(project.source()), "input.project").get(0);
		boolean dryRun = request.dryRun();
		String what = add ? "addProjectMember" : "removeProjectMember";
		Writes.ProjectMembers members = writes(id).projectMembers();
		if (members == null) {
			return run(what, project.nativeId(), List.of(Plan.unsupported(id, "cannot manage project members")), dryRun,
					actor);
		}
		return this.directory.view(id, EnumSet.of(Part.USERS, Part.PROJECTS)).flatMap((loaded) -> {
			Plan plan;
			if (loaded.error() != null) {
				plan = Plan.done(Change.failed(loaded.error()));
			}
			else if (read(loaded).project(project.nativeId()) == null) {
				plan = Plan.done(Change.notFound(id, "No project " + project.nativeId() + " in " + id));
			}
			else if (read(loaded).user(user.nativeId()) == null) {
				plan = Plan.done(Change.notFound(id, "No user " + user.nativeId() + " in " + id));
			}
			else {
				plan = Plan
					.send(id, () -> members.changeProjectMember(project.nativeId(), user.nativeId(), add, dryRun))
					.about(read(loaded).user(user.nativeId()), null);
			}
			return run(what, project.nativeId() + "/" + user.nativeId(), List.of(plan), dryRun, actor);
		});
	}

	private Mono<ChangeResult> existingGroup(String id, String name, String what, boolean dryRun, String actor,
			BiFunction<Writes.Groups, Group, Supplier<Mono<Change>>> change) {
		Writes.Groups groups = writes(id).groups();
		if (groups == null) {
			return run(what, name, List.of(Plan.unsupported(id, "cannot manage groups")), dryRun, actor);
		}
		return this.directory.view(id, EnumSet.of(Part.GROUPS)).flatMap((loaded) -> {
			if (loaded.error() != null) {
				return run(what, name, List.of(Plan.done(Change.failed(loaded.error()))), dryRun, actor);
			}
			Group group = read(loaded).group(name);
			Plan plan = (group != null) ? Plan.send(id, change.apply(groups, group)).about(null, group)
					: Plan.done(Change.notFound(id, "No group " + name + " in " + id));
			return run(what, name, List.of(plan), dryRun, actor);
		});
	}

	/**
	 * Sends the planned changes at once, each exactly once; drops the cached data of
	 * every source a change was sent to (also when its outcome is unknown); audits each.
	 */
	private Mono<ChangeResult> run(String what, String target, List<Plan> plans, boolean dryRun, String actor) {
		return Flux.fromIterable(plans)
			.filter((plan) -> !plan.skipped())
			.flatMapSequential((plan) -> plan.carryOut(this.directory.connector(plan.source()).orElseThrow(), dryRun))
			.doOnNext((change) -> this.audit.changed(what, target, change, dryRun, actor))
			.collectList()
			.map(ChangeResult::of);
	}

	/** The sources, each known; the request has made them distinct. */
	private List<String> known(List<String> ids, String argument) {
		this.directory.requireKnown(ids, argument);
		return ids;
	}

	/** A known source's view, read without failure: the directory gives one for each. */
	private static SourceView read(Directory.Loaded loaded) {
		return Objects.requireNonNull(loaded.view(), "a known source's view");
	}

	private Writes writes(String id) {
		return this.directory.connector(id).orElseThrow().writes();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * The outcome of a mutation.
	 *
	 * @param ok whether every change is DONE or DRY_RUN
	 * @param changes one per source
	 */
	public record ChangeResult(boolean ok, List<Change> changes) {

		static ChangeResult of(List<Change> changes) {
			return new ChangeResult(!changes.isEmpty() && changes.stream().allMatch(Change::ok), changes);
		}

	}

}
