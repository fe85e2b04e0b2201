package io.rollcall.graphql;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.rollcall.domain.Capability;
import io.rollcall.domain.Change;
import io.rollcall.domain.Connector;
import io.rollcall.domain.Directory;
import io.rollcall.domain.Emails;
import io.rollcall.domain.Group;
import io.rollcall.domain.InvalidInputException;
import io.rollcall.domain.NodeId;
import io.rollcall.domain.Part;
import io.rollcall.domain.Role;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.SourceView;
import io.rollcall.domain.User;
import io.rollcall.domain.Vendor;
import io.rollcall.domain.Writes;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Carries out changes across sources: checks every argument before anything is sent
 * (syntax first, then the sources' catalogues), asks only sources that can make the
 * change, sends each change once, drops the affected cached data, and writes one audit
 * line per source.
 */
@Component
class Changes {

	private static final Log audit = LogFactory.getLog("io.rollcall.audit");

	/** Periscope's access levels, as it answers them. */
	private static final List<String> ACCESS_LEVELS = List.of("View", "Discovery", "SQL");

	private final Directory directory;

	Changes(Directory directory) {
		this.directory = directory;
	}

	Mono<ChangeResult> invite(MutationController.InviteUserInput input, String actor) {
		String email = email(input.email(), "input.email");
		String first = required(input.firstName(), "input.firstName");
		String last = required(input.lastName(), "input.lastName");
		List<String> sources = sources(input.sources(), "input.sources", true);
		boolean dryRun = Boolean.TRUE.equals(input.dryRun());
		return Flux.fromIterable(sources).flatMapSequential((id) -> {
			SourceInfo source = source(id);
			if (!source.can(Capability.INVITE_USER)) {
				return Mono.just(Plan.unsupported(id, "cannot invite users"));
			}
			return this.directory.view(id, EnumSet.of(Part.USERS, Part.ROLES, Part.GROUPS)).map((loaded) -> {
				if (loaded.error() != null) {
					return Plan.done(Change.failed(loaded.error()));
				}
				SourceView view = loaded.view();
				String role = (source.vendor() == Vendor.CODEBASE) ? roleId(view, input.role()) : null;
				List<String> groups = (source.vendor() == Vendor.PERISCOPE)
						? groupNames(view, input.groups(), "input.groups") : List.of();
				if (view.account(email) != null) {
					return Plan.done(Change.refused(id, "ALREADY_EXISTS",
							"An account with " + email + " already exists in " + id + "; nothing was sent"));
				}
				Writes.Invitation invitation = new Writes.Invitation(email, first, last, role, groups);
				return Plan.send(id, (writes) -> writes.invite(invitation, dryRun));
			});
		}).collectList().flatMap((plans) -> run("inviteUser", email, plans, dryRun, actor));
	}

	Mono<ChangeResult> updateUser(MutationController.UpdateUserInput input, String actor) {
		String email = email(input.email(), "input.email");
		String id = sources(List.of(input.source()), "input.source", true).get(0);
		boolean dryRun = Boolean.TRUE.equals(input.dryRun());
		if (input.firstName() != null) {
			required(input.firstName(), "input.firstName");
		}
		if (input.lastName() != null) {
			required(input.lastName(), "input.lastName");
		}
		SourceInfo source = source(id);
		if (!source.can(Capability.UPDATE_USER)) {
			return run("updateUser", email, List.of(Plan.unsupported(id, "cannot update users")), dryRun, actor);
		}
		return this.directory.view(id, EnumSet.of(Part.USERS, Part.GROUPS)).flatMap((loaded) -> {
			if (loaded.error() != null) {
				return run("updateUser", email, List.of(Plan.done(Change.failed(loaded.error()))), dryRun, actor);
			}
			List<String> groups = (input.groups() != null) ? groupNames(loaded.view(), input.groups(), "input.groups")
					: null;
			User account = loaded.view().account(email);
			if (account == null) {
				return run("updateUser", email,
						List.of(Plan.done(Change.notFound(id, "No user " + email + " in " + id))), dryRun, actor);
			}
			// Periscope keys users by the address as it holds it.
			String target = (account.email() != null) ? account.email() : email;
			return run("updateUser", email,
					List.of(Plan
						.send(id,
								(writes) -> writes.updateUser(target, input.firstName(), input.lastName(), groups,
										dryRun))
						.about(account, null)),
					dryRun, actor);
		});
	}

	Mono<ChangeResult> removeUser(MutationController.RemoveUserInput input, String actor) {
		String email = email(input.email(), "input.email");
		boolean dryRun = Boolean.TRUE.equals(input.dryRun());
		boolean everywhere = input.sources() == null || input.sources().isEmpty();
		List<String> sources = everywhere ? this.directory.sourceIds()
				: sources(input.sources(), "input.sources", true);
		return Flux.fromIterable(sources).flatMapSequential((id) -> {
			SourceInfo source = source(id);
			return this.directory.view(id, EnumSet.of(Part.USERS)).map((loaded) -> {
				Optional<User> account = Optional
					.ofNullable((loaded.view() != null) ? loaded.view().account(email) : null);
				if (!source.can(Capability.REMOVE_USER)) {
					// Offboarding everywhere: say where an account stays behind.
					if (everywhere && account.isEmpty() && loaded.error() == null) {
						return Plan.skip(id);
					}
					return Plan.unsupported(id, "cannot remove users" + (account.isPresent()
							? "; the account " + account.get().nativeId() + " must be removed in the tool itself"
							: ""));
				}
				if (loaded.error() != null) {
					return Plan.done(Change.failed(loaded.error()));
				}
				if (account.isEmpty()) {
					return everywhere ? Plan.skip(id)
							: Plan.done(Change.notFound(id, "No user " + email + " in " + id));
				}
				String target = account.get().email();
				return Plan.send(id, (writes) -> writes.removeUser(target, dryRun)).about(account.get(), null);
			});
		})
			.collectList()
			.map((plans) -> unknownEverywhere(plans, email))
			.flatMap((plans) -> run("removeUser", email, plans, dryRun, actor));
	}

	/**
	 * Offboarding someone no source knows is not "nothing to do": each source says it has
	 * no such user.
	 */
	private static List<Plan> unknownEverywhere(List<Plan> plans, String email) {
		if (plans.isEmpty() || !plans.stream().allMatch(Plan::skipped)) {
			return plans;
		}
		return plans.stream()
			.map((plan) -> Plan.done(Change.notFound(plan.source(),
					"No user " + email + " in " + plan.source() + ", nor in any other source")))
			.toList();
	}

	Mono<ChangeResult> createGroup(MutationController.CreateGroupInput input, String actor) {
		String id = sources(List.of(input.source()), "input.source", true).get(0);
		String name = required(input.name(), "input.name");
		String access = access(input.access(), "input.access");
		boolean dryRun = Boolean.TRUE.equals(input.dryRun());
		Plan plan = source(id).can(Capability.MANAGE_GROUPS)
				? Plan.send(id, (writes) -> writes.createGroup(name, access, dryRun))
				: Plan.unsupported(id, "cannot manage groups");
		return run("createGroup", name, List.of(plan), dryRun, actor);
	}

	Mono<ChangeResult> updateGroup(MutationController.UpdateGroupInput input, String actor) {
		String id = sources(List.of(input.source()), "input.source", true).get(0);
		String name = required(input.name(), "input.name");
		String newName = (input.newName() != null) ? required(input.newName(), "input.newName") : null;
		String access = (input.access() != null) ? access(input.access(), "input.access") : null;
		boolean dryRun = Boolean.TRUE.equals(input.dryRun());
		return existingGroup(id, name, "updateGroup", dryRun, actor,
				(group) -> (writes) -> writes.updateGroup(group.nativeId(), newName, access, dryRun));
	}

	Mono<ChangeResult> deleteGroup(MutationController.DeleteGroupInput input, String actor) {
		String id = sources(List.of(input.source()), "input.source", true).get(0);
		String name = required(input.name(), "input.name");
		boolean dryRun = Boolean.TRUE.equals(input.dryRun());
		return existingGroup(id, name, "deleteGroup", dryRun, actor,
				(group) -> (writes) -> writes.deleteGroup(group.nativeId(), dryRun));
	}

	Mono<ChangeResult> changeProjectMember(MutationController.ProjectMemberInput input, boolean add, String actor) {
		NodeId project = Ids.decode(input.project(), "input.project");
		NodeId user = Ids.decode(input.user(), "input.user");
		if (project.kind() != NodeId.Kind.PROJECT) {
			throw new InvalidInputException("input.project", "input.project is not a project id");
		}
		if (user.kind() != NodeId.Kind.USER) {
			throw new InvalidInputException("input.user", "input.user is not a user id");
		}
		if (!project.source().equals(user.source())) {
			throw new InvalidInputException("input.user", "input.user is an account of source '" + user.source()
					+ "', not of the project's source '" + project.source() + "'");
		}
		String id = sources(List.of(project.source()), "input.project", true).get(0);
		boolean dryRun = Boolean.TRUE.equals(input.dryRun());
		String what = add ? "addProjectMember" : "removeProjectMember";
		if (!source(id).can(Capability.MANAGE_PROJECT_MEMBERS)) {
			return run(what, project.nativeId(), List.of(Plan.unsupported(id, "cannot manage project members")), dryRun,
					actor);
		}
		return this.directory.view(id, EnumSet.of(Part.USERS, Part.PROJECTS)).flatMap((loaded) -> {
			Plan plan;
			if (loaded.error() != null) {
				plan = Plan.done(Change.failed(loaded.error()));
			}
			else if (loaded.view().project(project.nativeId()) == null) {
				plan = Plan.done(Change.notFound(id, "No project " + project.nativeId() + " in " + id));
			}
			else if (loaded.view().user(user.nativeId()) == null) {
				plan = Plan.done(Change.notFound(id, "No user " + user.nativeId() + " in " + id));
			}
			else {
				plan = Plan
					.send(id, (writes) -> writes.changeProjectMember(project.nativeId(), user.nativeId(), add, dryRun))
					.about(loaded.view().user(user.nativeId()), null);
			}
			return run(what, project.nativeId() + "/" + user.nativeId(), List.of(plan), dryRun, actor);
		});
	}

	private Mono<ChangeResult> existingGroup(String id, String name, String what, boolean dryRun, String actor,
			Function<Group, Function<Writes, Mono<Change>>> change) {
		if (!source(id).can(Capability.MANAGE_GROUPS)) {
			return run(what, name, List.of(Plan.unsupported(id, "cannot manage groups")), dryRun, actor);
		}
		return this.directory.view(id, EnumSet.of(Part.GROUPS)).flatMap((loaded) -> {
			if (loaded.error() != null) {
				return run(what, name, List.of(Plan.done(Change.failed(loaded.error()))), dryRun, actor);
			}
			Group group = loaded.view().group(name);
			Plan plan = (group != null) ? Plan.send(id, change.apply(group)).about(null, group)
					: Plan.done(Change.notFound(id, "No group " + name + " in " + id));
			return run(what, name, List.of(plan), dryRun, actor);
		});
	}

	/**
	 * Sends the planned changes at once, each exactly once; drops the cached data of
	 * every source a change was sent to (also when its outcome is unknown); audits each.
	 */
	private Mono<ChangeResult> run(String what, String target, List<Plan> plans, boolean dryRun, String actor) {
		return Flux.fromIterable(plans).filter((plan) -> !plan.skipped()).flatMapSequential((plan) -> {
			if (plan.outcome() != null) {
				return Mono.just(plan.outcome());
			}
			Connector connector = this.directory.connector(plan.source()).orElseThrow();
			return plan.send()
				.apply(connector.writes())
				.onErrorResume(io.rollcall.domain.SourceException.class, (ex) -> Mono.just(Change.failed(ex)))
				.map((change) -> (change.status() == Change.Status.DRY_RUN)
						? change.withCurrent(plan.current(), plan.currentGroup()) : change)
				.doFinally((signal) -> {
					if (!dryRun) {
						connector.forget();
					}
				});
		}).doOnNext((change) -> audit(what, target, change, dryRun, actor)).collectList().map(ChangeResult::of);
	}

	private static void audit(String what, String target, Change change, boolean dryRun, String actor) {
		if (audit.isInfoEnabled()) {
			audit.info("change=" + what + " source=" + change.source() + " target=\"" + oneLine(target) + "\" actor=\""
					+ oneLine(actor) + "\" dryRun=" + dryRun + " status=" + change.status()
					+ ((change.code() != null) ? " code=" + change.code() : "") + " message=\""
					+ oneLine(String.valueOf(change.message())) + "\"");
		}
	}

	private static String oneLine(String text) {
		return text.replaceAll("[\\r\\n\"]", " ");
	}

	private List<String> sources(@Nullable List<String> ids, String argument, boolean required) {
		if (ids == null || ids.isEmpty()) {
			if (required) {
				throw new InvalidInputException(argument, argument + " must name at least one source");
			}
			return this.directory.sourceIds();
		}
		this.directory.requireKnown(ids, argument);
		return List.copyOf(new LinkedHashSet<>(ids));
	}

	private SourceInfo source(String id) {
		return this.directory.source(id).orElseThrow();
	}

	private static String email(@Nullable String email, String argument) {
		if (!Emails.isValid(email)) {
			throw new InvalidInputException(argument, argument + " is not a valid email address");
		}
		return Emails.normalize(email);
	}

	private static String required(@Nullable String value, String argument) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(argument, argument + " must not be blank");
		}
		return value.trim();
	}

	private static String access(@Nullable String access, String argument) {
		if (access != null) {
			for (String level : ACCESS_LEVELS) {
				if (level.equalsIgnoreCase(access.trim())) {
					return level;
				}
			}
		}
		throw new InvalidInputException(argument,
				argument + " must be one of " + String.join(", ", ACCESS_LEVELS) + " (was '" + access + "')");
	}

	/**
	 * The role's native id, or null for the source's default; an unknown name is refused.
	 */
	private static @Nullable String roleId(SourceView view, @Nullable String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		for (Role role : view.roles()) {
			if (role.name().equalsIgnoreCase(name.trim())) {
				return role.nativeId();
			}
		}
		throw new InvalidInputException("input.role", "No role '" + name + "' in " + view.source().id()
				+ "; its roles are: " + String.join(", ", view.roles().stream().map(Role::name).toList()));
	}

	/** The groups' names as the source spells them; an unknown name is refused. */
	private static List<String> groupNames(SourceView view, @Nullable List<String> names, String argument) {
		List<String> result = new ArrayList<>();
		if (names == null) {
			return result;
		}
		for (String name : names) {
			Group group = view.group(name.trim());
			if (group == null) {
				throw new InvalidInputException(argument, "No group '" + name + "' in " + view.source().id()
						+ "; its groups are: " + String.join(", ", view.groups().stream().map(Group::name).toList()));
			}
			result.add(group.name());
		}
		return result;
	}

	/**
	 * What to do in one source: nothing (skip), a known outcome, or a change to send.
	 */
	private record Plan(String source, @Nullable Change outcome, @Nullable Function<Writes, Mono<Change>> send,
			boolean skipped, @Nullable User current, @Nullable Group currentGroup) {

		static Plan send(String source, Function<Writes, Mono<Change>> send) {
			return new Plan(source, null, send, false, null, null);
		}

		static Plan done(Change outcome) {
			return new Plan(outcome.source(), outcome, null, false, null, null);
		}

		static Plan unsupported(String source, String why) {
			return done(Change.unsupported(source, "Source '" + source + "' " + why + "; nothing was sent"));
		}

		static Plan skip(String source) {
			return new Plan(source, null, null, true, null, null);
		}

		/**
		 * The same plan, knowing the entities as they are: a dry run answers them
		 * unchanged.
		 */
		Plan about(@Nullable User account, @Nullable Group group) {
			return new Plan(this.source, this.outcome, this.send, this.skipped, account, group);
		}

	}

	/**
	 * The outcome of a mutation.
	 *
	 * @param ok whether every change is DONE or DRY_RUN
	 * @param changes one per source
	 */
	record ChangeResult(boolean ok, List<Change> changes) {

		static ChangeResult of(List<Change> changes) {
			return new ChangeResult(!changes.isEmpty() && changes.stream().allMatch(Change::ok), changes);
		}

	}

}
