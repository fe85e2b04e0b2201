package io.rollcall.domain;

/**
 * The vendors Rollcall speaks to; a source is one configured account of one vendor.
 */
public enum Vendor {

	CINTOO, TESTMO, CODEBASE, PERISCOPE

}
