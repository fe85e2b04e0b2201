package io.rollcall.domain;

/**
 * The lists a source is read in.
 */
public enum Part {

	USERS, PROJECTS, ROLES, GROUPS, MEMBERSHIPS

}
