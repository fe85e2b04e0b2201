package io.rollcall.domain;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Plans an invitation or a removal of one person in one source, from the source's view:
 * the same rules for one person ({@link Changes}) and for many ({@link BulkChanges}).
 */
final class AccountPlans {

	private AccountPlans() {
	}

	/**
	 * Plans an invitation the source's catalogue has accepted.
	 * @param source the source id
	 * @param invites the source's invitations
	 * @param view the source as it is
	 * @param invitation the invitation, in the source's terms
	 * @param dryRun check only
	 * @return refused when the account exists, else the invitation to send
	 */
	static Plan invite(String source, Writes.Invites invites, SourceView view, Writes.Invitation invitation,
			boolean dryRun) {
		if (view.account(invitation.email()) != null) {
			return Plan.done(Change.refused(source, "ALREADY_EXISTS",
					"An account with " + invitation.email() + " already exists in " + source + "; nothing was sent"));
		}
		return Plan.send(source, () -> invites.invite(invitation, dryRun));
	}

	/**
	 * Plans a removal.
	 * @param source the source id
	 * @param removals the source's removals, or null when it cannot remove users
	 * @param loaded the source's users, or why they could not be read
	 * @param email the person's address, normalized
	 * @param everywhere whether every source is asked (offboarding): a source without the
	 * account is then skipped
	 * @param dryRun check only
	 * @return the plan
	 */
	static Plan removal(String source, Writes.@Nullable UserRemovals removals, Directory.Loaded loaded, String email,
			boolean everywhere, boolean dryRun) {
		User account = (loaded.view() != null) ? loaded.view().account(email) : null;
		if (removals == null) {
			// Offboarding everywhere: say where an account stays behind.
			if (everywhere && account == null && loaded.error() == null) {
				return Plan.skip(source);
			}
			return Plan.unsupported(source, "cannot remove users" + ((account != null)
					? "; the account " + account.nativeId() + " must be removed in the tool itself" : ""));
		}
		if (loaded.error() != null) {
			return Plan.done(Change.failed(loaded.error()));
		}
		if (account == null) {
			return everywhere ? Plan.skip(source)
					: Plan.done(Change.notFound(source, "No user " + email + " in " + source));
		}
		String target = Objects.requireNonNullElse(account.email(), email);
		return Plan.send(source, () -> removals.removeUser(target, dryRun)).about(account, null);
	}

	/**
	 * Offboarding someone no source knows is not "nothing to do": each source says it has
	 * no such user.
	 * @param plans one person's plans, one per source
	 * @param email the person's address
	 * @return the plans, or NOT_FOUND in each source when every one was skipped
	 */
	static List<Plan> unknownEverywhere(List<Plan> plans, String email) {
		if (plans.isEmpty() || !plans.stream().allMatch(Plan::skipped)) {
			return plans;
		}
		return plans.stream()
			.map((plan) -> Plan.done(Change.notFound(plan.source(),
					"No user " + email + " in " + plan.source() + ", nor in any other source")))
			.toList();
	}

}
