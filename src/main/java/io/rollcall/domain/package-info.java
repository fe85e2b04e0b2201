/**
 * The unified model of users, projects, roles and groups across vendors, the
 * {@link io.rollcall.domain.Connector} port every vendor implements, and the fan-out over
 * sources. Free of Spring and of any wire format.
 */
@NullMarked
package io.rollcall.domain;

import org.jspecify.annotations.NullMarked;
